/**
 * The applicant's timeline of an application (issue 7 point 9) — submitted, assessed, verified or rejected, the
 * direction to the bank and the bank's outcomes — fed by the intake's own events in the transaction of the change
 * and by the scoring service's from Kafka, told in ru, kk or en; and the latest automatic assessment for akimat
 * staff ({@link kz.khc.elorda.timeline.Assessments}, point 8).
 */
@NullMarked
package kz.khc.elorda.timeline;

import org.jspecify.annotations.NullMarked;
