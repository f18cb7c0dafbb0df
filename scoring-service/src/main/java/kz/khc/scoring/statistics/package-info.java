/**
 * Public counts of submitted applications, total and per category (DOMAIN A5).
 */
@NullMarked
package kz.khc.scoring.statistics;

import org.jspecify.annotations.NullMarked;
