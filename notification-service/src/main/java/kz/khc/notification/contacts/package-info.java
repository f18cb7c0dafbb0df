/**
 * How to reach each person (mobile, email, language), learnt from events, and the person's own choice of language.
 */
@NullMarked
package kz.khc.notification.contacts;

import org.jspecify.annotations.NullMarked;
