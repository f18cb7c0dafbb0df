/**
 * The client's profile (DOMAIN I4).
 */
@NullMarked
package kz.khc.cabinet.clients;

import org.jspecify.annotations.NullMarked;
