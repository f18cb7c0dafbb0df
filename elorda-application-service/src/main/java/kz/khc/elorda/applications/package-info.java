/**
 * Applications to the programme: submission by the applicant, lists for akimat staff.
 */
@NullMarked
package kz.khc.elorda.applications;

import org.jspecify.annotations.NullMarked;
