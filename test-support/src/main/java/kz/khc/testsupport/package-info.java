/**
 * Helpers for the services' integration tests.
 */
@NullMarked
package kz.khc.testsupport;

import org.jspecify.annotations.NullMarked;
