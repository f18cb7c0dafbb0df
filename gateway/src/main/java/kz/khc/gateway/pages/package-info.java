/**
 * The few pages the gateway serves itself until the portal (issue 8) does: the page an email confirmation link opens.
 */
@NullMarked
package kz.khc.gateway.pages;

import org.jspecify.annotations.NullMarked;
