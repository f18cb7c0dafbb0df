/**
 * The documents of an application (DOMAIN "Documents"): uploaded per type and holder, the content checked by its
 * bytes and kept with its checksum, and the package checked complete against the edition's list for this
 * applicant's category and family, with the issue dates the list asks for.
 */
@NullMarked
package kz.khc.elorda.documents;

import org.jspecify.annotations.NullMarked;
