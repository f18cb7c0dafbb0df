package kz.khc.deploy.providers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.jspecify.annotations.Nullable;

/**
 * An SMTP server (GreenMail) on 127.0.0.1 that accepts every letter for any address, without authentication, and
 * keeps it in memory until the launcher stops.
 */
public final class MailServer implements AutoCloseable {

	private final GreenMail greenMail;

	private MailServer(GreenMail greenMail) {
		this.greenMail = greenMail;
	}

	public static MailServer start(int port) {
		var greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		greenMail.start();
		return new MailServer(greenMail);
	}

	/** Every letter received, newest first. */
	public List<Email> received() {
		MimeMessage[] messages = greenMail.getReceivedMessages();
		List<Email> emails = new ArrayList<>(messages.length);
		for (int i = messages.length - 1; i >= 0; i--) {
			emails.add(email(i, messages[i]));
		}
		return emails;
	}

	/** The letter received as the {@code index}th (from 0), or null. */
	@Nullable Email received(int index) {
		MimeMessage[] messages = greenMail.getReceivedMessages();
		return index >= 0 && index < messages.length ? email(index, messages[index]) : null;
	}

	@Override
	public void close() {
		greenMail.stop();
	}

	private static Email email(int index, MimeMessage message) {
		try {
			var parts = new Parts();
			parts.walk(message);
			return new Email(index, message.getSentDate() == null ? null : message.getSentDate().toInstant(),
					addresses(message.getRecipients(Message.RecipientType.TO)), addresses(message.getFrom()),
					message.getSubject() == null ? "" : message.getSubject(),
					parts.text != null ? parts.text : parts.html != null ? parts.html : "", List.copyOf(parts.attachments));
		}
		catch (MessagingException ex) {
			return new Email(index, null, List.of(), List.of(), "(unreadable letter: " + ex.getMessage() + ")", "",
					List.of());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> addresses(Address @Nullable [] addresses) {
		return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).map(MailServer::decoded).toList();
	}

	private static String decoded(String header) {
		try {
			return MimeUtility.decodeText(header);
		}
		catch (IOException ex) {
			return header;
		}
	}

	/** The first plain-text and HTML parts, and the attachments, of a (nested) multipart letter. */
	private static final class Parts {

		private @Nullable String text;
		private @Nullable String html;
		private final List<Attachment> attachments = new ArrayList<>();

		void walk(Part part) throws MessagingException, IOException {
			if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					walk(multipart.getBodyPart(i));
				}
				return;
			}
			String fileName = part.getFileName() == null ? null : decoded(part.getFileName());
			boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
			if (!attached && part.isMimeType("text/plain") && text == null) {
				text = part.getContent().toString();
			}
			else if (!attached && part.isMimeType("text/html") && html == null) {
				html = part.getContent().toString();
			}
			else {
				try (InputStream content = part.getInputStream()) {
					attachments.add(new Attachment(fileName == null ? "part-" + (attachments.size() + 1) : fileName,
							baseType(part.getContentType()), content.readAllBytes()));
				}
			}
		}

		private static String baseType(@Nullable String contentType) {
			if (contentType == null) {
				return "application/octet-stream";
			}
			try {
				return new ContentType(contentType).getBaseType().toLowerCase(Locale.ROOT);
			}
			catch (MessagingException ex) {
				return "application/octet-stream";
			}
		}
	}

	/**
	 * One letter.
	 *
	 * @param index its place in the order received, from 0: stable while the launcher runs
	 * @param date  its {@code Date} header
	 * @param text  the plain-text part, else the HTML part as it is
	 */
	public record Email(int index, @Nullable Instant date, List<String> to, List<String> from, String subject, String text,
			List<Attachment> attachments) {
	}

	/** @param contentType the base type, e.g. {@code application/pdf} */
	public record Attachment(String fileName, String contentType, byte[] content) {
	}
}
