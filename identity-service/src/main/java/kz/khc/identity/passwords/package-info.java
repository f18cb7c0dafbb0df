/**
 * The password policy (DOMAIN I2) and setting a password at the identity provider.
 */
@NullMarked
package kz.khc.identity.passwords;

import org.jspecify.annotations.NullMarked;
