/**
 * Staff verification (issue 7 point 8, DOMAIN A1): akimat officers verify or reject submitted applications, with a
 * reason code and a comment, within the deadline of 30 working days after the intake closes. Each decision is
 * audited and published ({@code ApplicationVerified}, {@code ApplicationRejected}) in its own transaction.
 * <p>
 * The API for other features: {@link kz.khc.elorda.verification.Verifications} (the decision and the deadline as
 * staff and applicants see them), the port {@link kz.khc.elorda.verification.Submissions} the applications feature
 * implements, and the seam {@link kz.khc.elorda.verification.AssessedPoints} for the automatic assessment's points.
 */
@NullMarked
package kz.khc.elorda.verification;

import org.jspecify.annotations.NullMarked;
