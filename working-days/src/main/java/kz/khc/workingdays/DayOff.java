package kz.khc.workingdays;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Why a date is not a working day, for explanations ("paid on 24.03.2026: on time, 21–23 March are Nauryz and
 * 21 March, a Saturday, moved to the 24th").
 *
 * @param date the day off
 * @param reason the kind of day off
 * @param name the holiday, the decree's wording, or the day of the week for a plain weekend
 * @param transferredFrom for {@link Reason#TRANSFERRED_HOLIDAY}, the weekend date of the holiday that was moved
 *     to {@code date}; {@code null} otherwise
 */
public record DayOff(LocalDate date, Reason reason, LocalizedName name, @Nullable LocalDate transferredFrom) {

	public DayOff {
		if ((reason == Reason.TRANSFERRED_HOLIDAY) != (transferredFrom != null)) {
			throw new IllegalArgumentException("transferredFrom is set exactly for a transferred holiday");
		}
	}

	public enum Reason {

		/** A Saturday or Sunday with no holiday on it. */
		WEEKEND,

		/** A public holiday or a non-moving day off on its own date (which may also be a Saturday or Sunday). */
		HOLIDAY,

		/** A weekday off because a public holiday fell on a Saturday or Sunday. */
		TRANSFERRED_HOLIDAY,

		/** A day off by a government decree that swapped it with a weekend day. */
		DECREE
	}
}
