/**
 * The signed-in user's account as the identity provider knows it.
 */
@NullMarked
package kz.khc.identity.accounts;

import org.jspecify.annotations.NullMarked;
