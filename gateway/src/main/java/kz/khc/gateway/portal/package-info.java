/**
 * The web portal the gateway serves (issue 8): one page of plain ES modules ({@code static/app}) for citizens, akimat
 * staff and the bank, which calls the suite's API through this gateway; its addresses, its settings for the browser
 * and its security headers. Also the page an email confirmation link opens.
 */
@NullMarked
package kz.khc.gateway.portal;

import org.jspecify.annotations.NullMarked;
