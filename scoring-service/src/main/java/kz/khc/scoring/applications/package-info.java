/**
 * Submitted applications (from the intake's events): assessed by the rules of the edition in effect on the
 * submission date, the assessment kept with its facts and rules text and published; ranked once the akimat has
 * verified an application assessed eligible.
 */
@NullMarked
package kz.khc.scoring.applications;

import org.jspecify.annotations.NullMarked;
