/**
 * Version 1 of the events the Elorda Zhastary intake publishes.
 */
@NullMarked
package kz.khc.contracts.elorda.v1;

import org.jspecify.annotations.NullMarked;
