package kz.khc.deploy.providers;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.jspecify.annotations.Nullable;

/**
 * The developer mailbox: one page (JDK HTTP server, 127.0.0.1 only) with the letters the {@link MailServer} received,
 * their attachments to download, and the SMS the {@link SmsSimulator} was sent, newest first. Everything shown is
 * escaped ({@link Html}); attachments are only ever downloaded, never shown inline.
 */
public final class DevMailbox implements AutoCloseable {

	private static final Pattern ATTACHMENT = Pattern.compile("/mail/(\\d{1,9})/attachments/(\\d{1,4})");
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss")
		.withZone(ZoneId.of("Asia/Almaty"));
	private static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; "
			+ "frame-ancestors 'none'; base-uri 'none'";

	private final HttpServer server;
	private final ExecutorService executor;
	private final MailServer mail;
	private final SmsSimulator sms;
	private final String smtpAddress;

	private DevMailbox(HttpServer server, ExecutorService executor, MailServer mail, SmsSimulator sms, String smtpAddress) {
		this.server = server;
		this.executor = executor;
		this.mail = mail;
		this.sms = sms;
		this.smtpAddress = smtpAddress;
	}

	/** @param smtpAddress where the mail server listens, shown on the page */
	public static DevMailbox start(int port, MailServer mail, SmsSimulator sms, String smtpAddress) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
		var mailbox = new DevMailbox(server, executor, mail, sms, smtpAddress);
		server.createContext("/", mailbox::handle);
		server.setExecutor(executor);
		server.start();
		return mailbox;
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String method = exchange.getRequestMethod();
			if (!"GET".equals(method) && !"HEAD".equals(method)) {
				exchange.getResponseHeaders().set("Allow", "GET, HEAD");
				send(exchange, 405, "text/plain; charset=utf-8", "Only GET and HEAD\n".getBytes(StandardCharsets.UTF_8));
				return;
			}
			String path = exchange.getRequestURI().getPath();
			Matcher attachment = ATTACHMENT.matcher(path);
			if ("/".equals(path)) {
				exchange.getResponseHeaders().set("Content-Security-Policy", PAGE_POLICY);
				send(exchange, 200, "text/html; charset=utf-8", page().markup().getBytes(StandardCharsets.UTF_8));
			}
			else if (attachment.matches()) {
				download(exchange, Integer.parseInt(attachment.group(1)), Integer.parseInt(attachment.group(2)));
			}
			else {
				send(exchange, 404, "text/plain; charset=utf-8", "Not found\n".getBytes(StandardCharsets.UTF_8));
			}
		}
		catch (RuntimeException ex) {
			System.err.println("Dev mailbox: " + exchange.getRequestURI() + " failed: " + ex);
			throw ex;
		}
	}

	private void download(HttpExchange exchange, int index, int number) throws IOException {
		MailServer.Email email = mail.received(index);
		if (email == null || number >= email.attachments().size()) {
			send(exchange, 404, "text/plain; charset=utf-8", "No such attachment\n".getBytes(StandardCharsets.UTF_8));
			return;
		}
		MailServer.Attachment attachment = email.attachments().get(number);
		String ascii = attachment.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
		exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + ascii
				+ "\"; filename*=UTF-8''" + URLEncoder.encode(attachment.fileName(), StandardCharsets.UTF_8).replace("+", "%20"));
		exchange.getResponseHeaders().set("Content-Security-Policy", "sandbox");
		send(exchange, 200, attachment.contentType(), attachment.content());
	}

	private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
		boolean head = "HEAD".equals(exchange.getRequestMethod());
		exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
		if (!head && body.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	Html page() {
		List<MailServer.Email> emails = mail.received();
		List<SmsSimulator.Sms> messages = sms.received();
		return Html.of("""
				<!DOCTYPE html>
				<html lang="en">
				<head>
				<meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>Elorda · dev mailbox ({} email, {} SMS)</title>
				<style>{}</style>
				</head>
				<body>
				<header>
				<h1>Dev mailbox</h1>
				<p>What the local suite sent: email to the SMTP server at {}, SMS to the provider simulator at {}.
				Newest first, times in Asia/Almaty; kept in memory until the launcher stops. <a href="/">Refresh</a></p>
				<nav><a href="#email">Email ({})</a> · <a href="#sms">SMS ({})</a></nav>
				</header>
				<main>
				<section id="email">
				<h2>Email ({})</h2>
				{}
				</section>
				<section id="sms">
				<h2>SMS ({})</h2>
				{}
				</section>
				</main>
				</body>
				</html>
				""", emails.size(), messages.size(), STYLE, smtpAddress, sms.baseUrl(), emails.size(), messages.size(),
				emails.size(), emails.isEmpty() ? Html.of("<p class=\"empty\">No email yet.</p>")
						: Html.join(emails.stream().map(DevMailbox::email)),
				messages.size(), messages.isEmpty() ? Html.of("<p class=\"empty\">No SMS yet.</p>")
						: Html.join(messages.stream().map(DevMailbox::sms)));
	}

	private static Html email(MailServer.Email email) {
		Html attachments = email.attachments().isEmpty() ? Html.of("")
				: Html.of("<ul class=\"attachments\">{}</ul>", Html.join(
						IntStream.range(0, email.attachments().size()).mapToObj(n -> {
							MailServer.Attachment attachment = email.attachments().get(n);
							return Html.of("<li><a href=\"/mail/{}/attachments/{}\">{}</a> <span class=\"muted\">{}, {}</span></li>",
									email.index(), n, attachment.fileName(), attachment.contentType(),
									size(attachment.content().length));
						})));
		return Html.of("""
				<article class="card">
				<h3>{}</h3>
				<dl>
				<dt>To</dt><dd>{}</dd>
				<dt>From</dt><dd>{}</dd>
				<dt>Date</dt><dd>{}</dd>
				</dl>
				<pre>{}</pre>
				{}
				</article>
				""", email.subject().isBlank() ? "(no subject)" : email.subject(), String.join(", ", email.to()),
				String.join(", ", email.from()), time(email.date()), email.text(), attachments);
	}

	private static Html sms(SmsSimulator.Sms sms) {
		String answer = sms.accepted() ? "taken, receipt DELIVRD follows"
				: "refused: HTTP " + sms.httpStatus() + (sms.providerCode().isEmpty() ? "" : ", code " + sms.providerCode());
		return Html.of("""
				<article class="card sms">
				<p class="meta"><strong>{}</strong> <span class="muted">from {} · {} · {}</span></p>
				<p class="text">{}</p>
				</article>
				""", sms.to().isEmpty() ? "(no recipient)" : sms.to(), sms.from(), time(sms.at()), answer,
				sms.text());
	}

	private static Html time(@Nullable Instant at) {
		return at == null ? Html.of("–") : Html.of("<time datetime=\"{}\">{}</time>", at.toString(), TIME.format(at));
	}

	private static String size(int bytes) {
		return bytes < 1024 ? bytes + " B" : (bytes + 512) / 1024 + " KB";
	}

	private static final Html STYLE = new Html("""
			:root { color-scheme: light dark; --muted: #6b7280; --line: #d1d5db; --card: #f9fafb; }
			@media (prefers-color-scheme: dark) { :root { --muted: #9ca3af; --line: #374151; --card: #111827; } }
			* { box-sizing: border-box; }
			body { margin: 0 auto; max-width: 56rem; padding: 1rem; font: 16px/1.5 system-ui, -apple-system,
			  "Segoe UI", Roboto, Arial, sans-serif; overflow-wrap: anywhere; }
			h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
			h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; border-bottom: 1px solid var(--line); }
			h3 { font-size: 1.05rem; margin: 0 0 .5rem; }
			.card { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1rem;
			  margin: 0 0 .75rem; }
			dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 .75rem; margin: 0 0 .5rem; }
			dt { color: var(--muted); }
			dd { margin: 0; }
			pre { white-space: pre-wrap; font: inherit; margin: .5rem 0; padding-top: .5rem; border-top: 1px dashed var(--line); }
			.attachments { margin: .25rem 0 0; padding-left: 1.25rem; }
			.muted, .empty { color: var(--muted); }
			.sms .meta { margin: 0; }
			.sms .text { margin: .25rem 0 0; white-space: pre-wrap; }
			a { color: #2563eb; }
			@media (max-width: 30rem) { body { padding: .5rem; } dl { grid-template-columns: 1fr; } dt { margin-top: .25rem; } }
			""");
}
