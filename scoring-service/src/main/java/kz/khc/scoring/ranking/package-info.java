/**
 * The ranked lists (DOMAIN S4): per edition and category, by points, the older applicant first on equal points, then
 * the application number, with still-tied neighbours flagged for staff; the public sees positions with masked IINs.
 */
@NullMarked
package kz.khc.scoring.ranking;

import org.jspecify.annotations.NullMarked;
