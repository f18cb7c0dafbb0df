/**
 * Frequently asked questions of the cabinet (DOMAIN.md I5): read by anyone in ru, kk or en with keyword search
 * and paging, edited by the housing company's staff (role {@code cabinet-editor}).
 */
@NullMarked
package kz.khc.cabinet.faq;

import org.jspecify.annotations.NullMarked;
