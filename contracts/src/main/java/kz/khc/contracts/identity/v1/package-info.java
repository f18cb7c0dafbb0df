/**
 * Version 1 of the events identity-service publishes.
 */
@NullMarked
package kz.khc.contracts.identity.v1;

import org.jspecify.annotations.NullMarked;
