package kz.khc.deploy.providers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The developer mailbox page over a real GreenMail and the SMS simulator. */
class DevMailboxTest {

	private static final Path STUBS = Path.of(System.getProperty("suite.repo.root", ".."), "deploy/sms-simulator");
	private static final HttpClient http = HttpClient.newHttpClient();
	/** Binary, as a real PDF: sent base64, so it must come back byte for byte. */
	private static final byte[] PDF = pdf();

	private MailServer mail;
	private SmsSimulator sms;
	private DevMailbox mailbox;
	private int smtpPort;

	@BeforeEach
	void start() throws Exception {
		smtpPort = SmsSimulatorTest.freePort();
		mail = MailServer.start(smtpPort);
		sms = SmsSimulator.start(STUBS, SmsSimulatorTest.freePort(), URI.create("http://127.0.0.1:1/receipts"));
		mailbox = DevMailbox.start(SmsSimulatorTest.freePort(), mail, sms, "127.0.0.1:" + smtpPort);
	}

	@AfterEach
	void stop() {
		mailbox.close();
		sms.close();
		mail.close();
	}

	@Test
	void listsLettersAndSmsNewestFirstEscapedWithTheAttachmentsToDownload() throws Exception {
		sendLetter("first@example.kz", "Бірінші хат", "ескі", false);
		sendLetter("dana@example.kz", "Жолдама <script>alert(1)</script>", "Сізге жолдама берілді & тағы басқа", true);
		http.send(HttpRequest.newBuilder(URI.create(sms.baseUrl() + SmsSimulator.SEND_PATH))
			.header("X-API-Key", SmsSimulator.API_KEY)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"recipient":"77011234567","from":"KZhK","text":"Кабинет құпиясөзі <b>өзгертілді</b>","params":{"name":"m-1","validity":1440}}"""))
			.build(), HttpResponse.BodyHandlers.discarding());

		assertThat(mailbox.url()).startsWith("http://127.0.0.1:");
		HttpResponse<String> page = get(mailbox.url());

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
		assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
			.contains("default-src 'none'"));
		String html = page.body();
		assertThat(html).contains("<meta name=\"viewport\"", "Email (2)", "SMS (1)")
			.contains("Жолдама &lt;script&gt;alert(1)&lt;/script&gt;", "Сізге жолдама берілді &amp; тағы басқа")
			.contains("dana@example.kz", "77011234567", "Кабинет құпиясөзі &lt;b&gt;өзгертілді&lt;/b&gt;")
			.contains("<a href=\"/mail/1/attachments/0\">жолдама.pdf</a>")
			.doesNotContain("<script>", "<b>");
		assertThat(html.indexOf("dana@example.kz")).as("newest first").isLessThan(html.indexOf("first@example.kz"));

		HttpResponse<byte[]> attachment = http.send(HttpRequest.newBuilder(URI.create(mailbox.url() + "mail/1/attachments/0"))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(attachment.statusCode()).isEqualTo(200);
		assertThat(attachment.body()).isEqualTo(PDF);
		assertThat(attachment.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(attachment.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition -> assertThat(disposition)
			.startsWith("attachment;").contains("filename*=UTF-8''%D0%B6"));
	}

	@Test
	void answersOnlyGetAndHeadAndKnownPaths() throws Exception {
		assertThat(get(mailbox.url() + "mail/0/attachments/0").statusCode()).isEqualTo(404);
		assertThat(get(mailbox.url() + "elsewhere").statusCode()).isEqualTo(404);
		assertThat(http.send(HttpRequest.newBuilder(URI.create(mailbox.url())).method("HEAD", HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
		HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(mailbox.url()))
			.POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(post.statusCode()).isEqualTo(405);
		assertThat(get(mailbox.url()).body()).contains("No email yet.", "No SMS yet.");
	}

	private static byte[] pdf() {
		byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
		byte[] pdf = new byte[header.length + 256];
		System.arraycopy(header, 0, pdf, 0, header.length);
		for (int i = 0; i < 256; i++) {
			pdf[header.length + i] = (byte) i;
		}
		return pdf;
	}

	private HttpResponse<String> get(String url) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private void sendLetter(String to, String subject, String text, boolean withPdf) throws Exception {
		var properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", String.valueOf(smtpPort));
		MimeMessage letter = new MimeMessage(Session.getInstance(properties));
		letter.setFrom(new InternetAddress("noreply@khc.kz", "Elorda Zhastary", "UTF-8"));
		letter.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
		letter.setSubject(subject, "UTF-8");
		var body = new MimeMultipart("mixed");
		var textPart = new MimeBodyPart();
		textPart.setText(text, "UTF-8");
		body.addBodyPart(textPart);
		if (withPdf) {
			var pdf = new MimeBodyPart();
			pdf.setContent(PDF, "application/pdf");
			pdf.setFileName(MimeUtility.encodeText("жолдама.pdf", "UTF-8", null));
			pdf.setDisposition("attachment");
			body.addBodyPart(pdf);
		}
		letter.setContent(body);
		Transport.send(letter);
	}
}
