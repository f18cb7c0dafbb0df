package kz.khc.elorda.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the uploads. {@code spring.servlet.multipart.max-file-size} follows {@code maxSize} (application.yml),
 * so a larger file is refused with the same 413 while it is still being read.
 *
 * @param maxSize the largest document
 * @param maxPerApplication how many documents one application may hold
 */
@ConfigurationProperties("elorda.documents")
record DocumentProperties(@DefaultValue("10MB") DataSize maxSize, @DefaultValue("60") int maxPerApplication) {

	DocumentProperties {
		if (maxSize.toBytes() < 1 || maxPerApplication < 1) {
			throw new IllegalArgumentException("elorda.documents.max-size and max-per-application must be positive");
		}
	}
}
