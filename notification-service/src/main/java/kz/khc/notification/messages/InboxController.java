package kz.khc.notification.messages;

import java.time.Clock;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The citizen's inbox in the cabinet: a copy of everything we told them, so nothing depends on a spam folder or an
 * SMS that did not arrive. A person sees only their own messages; someone else's id is simply not found.
 */
@RestController
@RequestMapping("/api/notifications/v1/my/messages")
@PreAuthorize("hasRole('citizen')")
class InboxController {

	private final JdbcClient jdbc;
	private final Clock clock;

	InboxController(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@GetMapping
	Inbox list(@AuthenticationPrincipal Jwt person, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		Timestamp now = Timestamp.from(Instant.now(clock));
		List<Item> items = jdbc.sql("""
				select n.id, n.kind, n.subject, n.body, n.visible_at, n.read_at,
				    coalesce((select array_agg(a.file_name order by a.file_name) from attachment a
				              where a.notification_id = n.id), '{}') as attachments
				from notification n
				where n.person_id = :person and n.visible_at <= :now and n.cancelled_at is null
				order by n.visible_at desc, n.id
				limit :size offset :offset""")
			.param("person", person.getSubject())
			.param("now", now)
			.param("size", size)
			.param("offset", (long) page * size)
			.query((rs, row) -> new Item(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("subject"),
					rs.getString("body"), rs.getTimestamp("visible_at").toInstant(),
					rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant(),
					List.of((String[]) rs.getArray("attachments").getArray())))
			.list();
		return jdbc.sql("""
				select count(*), count(*) filter (where read_at is null) from notification
				where person_id = ? and visible_at <= ? and cancelled_at is null""")
			.params(person.getSubject(), now)
			.query((rs, row) -> new Inbox(items, page, size, rs.getLong(1), rs.getLong(2)))
			.single();
	}

	@PostMapping("/{id}/read")
	ResponseEntity<Void> read(@AuthenticationPrincipal Jwt person, @PathVariable UUID id) {
		int found = jdbc.sql("""
				update notification set read_at = coalesce(read_at, :now)
				where id = :id and person_id = :person and visible_at <= :now and cancelled_at is null""")
			.param("now", Timestamp.from(Instant.now(clock)))
			.param("id", id)
			.param("person", person.getSubject())
			.update();
		if (found == 0) {
			throw new ResponseStatusException(NOT_FOUND);
		}
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/attachments/{fileName}")
	ResponseEntity<byte[]> attachment(@AuthenticationPrincipal Jwt person, @PathVariable UUID id,
			@PathVariable String fileName) {
		Outgoing.Attachment attachment = jdbc.sql("""
				select a.file_name, a.content_type, a.content from attachment a join notification n
				    on n.id = a.notification_id
				where n.id = :id and n.person_id = :person and a.file_name = :file and n.visible_at <= :now""")
			.param("id", id)
			.param("person", person.getSubject())
			.param("file", fileName)
			.param("now", Timestamp.from(Instant.now(clock)))
			.query((rs, row) -> new Outgoing.Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional()
			.orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(attachment.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(attachment.fileName()).build().toString())
			.body(attachment.content());
	}

	record Inbox(List<Item> items, int page, int size, long total, long unread) {
	}

	record Item(UUID id, String kind, String subject, String body, Instant at, @Nullable Instant readAt,
			List<String> attachments) {
	}
}
