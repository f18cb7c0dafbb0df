/**
 * Programme editions (Elorda Zhastary 2026, …): each with its intake window in Asia/Almaty and its terms as data —
 * loan limits, the income and age limits, the categories with their quotas and the documents each applicant must
 * bring. Akimat staff create editions and move or close their windows; anyone may read them.
 */
@NullMarked
package kz.khc.elorda.editions;

import org.jspecify.annotations.NullMarked;
