package kz.khc.contracts;

import org.jspecify.annotations.Nullable;

/**
 * How a person wants to be reached, as they gave it at that moment: a mobile number ({@code +77XXXXXXXXX}), an
 * email address and the language of the pages they used ({@code ru}, {@code kk} or {@code en}). Any part may be
 * missing.
 */
public record ContactDetails(@Nullable String mobile, @Nullable String email, @Nullable String language) {
}
