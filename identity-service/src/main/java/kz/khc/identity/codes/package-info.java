/**
 * One-time codes by SMS (DOMAIN I1, I3): six digits, valid five minutes, kept only as a keyed hash, compared in
 * constant time, five tries per code, a resend not sooner than a minute, and hourly limits per phone, IIN and client
 * address.
 */
@NullMarked
package kz.khc.identity.codes;

import org.jspecify.annotations.NullMarked;
