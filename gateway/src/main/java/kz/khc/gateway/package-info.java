/**
 * The gateway: the suite's single entry point.
 */
@NullMarked
package kz.khc.gateway;

import org.jspecify.annotations.NullMarked;
