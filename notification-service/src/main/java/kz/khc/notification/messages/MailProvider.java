package kz.khc.notification.messages;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Sends email by SMTP behind the {@code email} circuit breaker: a plain-text and an HTML part of the same text,
 * the signature, and the notification's attachments.
 */
@Component
class MailProvider {

	private static final Pattern LINK = Pattern.compile("https?://[^\\s<]+");

	private final JavaMailSender mail;
	private final Templates templates;
	private final EmailProperties properties;
	private final CircuitBreaker breaker;

	MailProvider(JavaMailSender mail, Templates templates, EmailProperties properties, ProviderBreakers breakers) {
		this.mail = mail;
		this.templates = templates;
		this.properties = properties;
		this.breaker = breakers.email();
	}

	/** Returns the message's {@code Message-ID}. */
	String send(UUID messageId, String to, String body, Messages.EmailParts parts) {
		return breaker.executeSupplier(() -> {
			try {
				MimeMessage message = mail.createMimeMessage();
				MimeMessageHelper letter = new MimeMessageHelper(message, true, "UTF-8");
				letter.setFrom(properties.from());
				letter.setTo(to);
				letter.setSubject(parts.subject());
				String text = body + "\n\n" + templates.signature(Locale.of(parts.language()));
				letter.setText(text, html(text, parts.language()));
				for (Outgoing.Attachment attachment : parts.attachments()) {
					letter.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
							attachment.contentType());
				}
				message.setHeader("X-Notification-Message-Id", messageId.toString());
				mail.send(message);
				return message.getMessageID();
			}
			catch (MessagingException | MailParseException | MailPreparationException ex) {
				throw new DeliveryFailure("the letter could not be built: " + ex.getClass().getSimpleName(), true, ex);
			}
			catch (MailException ex) {
				throw new DeliveryFailure("SMTP: " + ex.getClass().getSimpleName(), false, ex);
			}
		});
	}

	private static String html(String text, String language) {
		StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(language)
			.append("\"><body style=\"font-family:Arial,sans-serif;font-size:15px;line-height:1.5;color:#1b1b1b\">");
		for (String paragraph : text.split("\n\n")) {
			String escaped = HtmlUtils.htmlEscape(paragraph).replace("\n", "<br>");
			html.append("<p>").append(LINK.matcher(escaped).replaceAll("<a href=\"$0\">$0</a>")).append("</p>");
		}
		return html.append("</body></html>").toString();
	}

	@ConfigurationProperties("notifications.email")
	record EmailProperties(String from) {
	}
}
