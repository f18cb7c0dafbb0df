/**
 * HTTP concerns shared by the features: security and RFC 9457 problem details.
 */
@NullMarked
package kz.khc.cabinet.web;

import org.jspecify.annotations.NullMarked;
