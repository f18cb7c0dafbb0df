/**
 * Errors raised at the edge (no route, no token, a service down) as localized RFC 9457 problem details.
 */
@NullMarked
package kz.khc.gateway.problems;

import org.jspecify.annotations.NullMarked;
