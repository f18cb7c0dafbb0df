/**
 * Elorda Zhastary intake service.
 */
@NullMarked
package kz.khc.elorda;

import org.jspecify.annotations.NullMarked;
