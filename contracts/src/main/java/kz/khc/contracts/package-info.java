/**
 * Wire value types shared by the services' published languages.
 */
@NullMarked
package kz.khc.contracts;

import org.jspecify.annotations.NullMarked;
