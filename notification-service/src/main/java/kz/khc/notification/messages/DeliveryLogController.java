package kz.khc.notification.messages;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import kz.khc.notification.audit.AuditTrail;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The delivery log for staff: each message with its status history, per person or per message. Numbers and
 * addresses are masked and no text is shown. The housing company's operators see every message; akimat officers
 * only those of the Elorda Zhastary programme.
 */
@RestController
@RequestMapping("/api/notifications/v1/deliveries")
@PreAuthorize("hasRole('cabinet-operator') or hasRole('akimat-officer')")
class DeliveryLogController {

	private final JdbcClient jdbc;
	private final AuditTrail audit;

	DeliveryLogController(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** Staff reading a person's messages is itself recorded: who looked, at whose, when. */
	@GetMapping
	@Transactional
	Page list(Authentication staff, @RequestParam(required = false) @Nullable @Pattern(regexp = "\\d{12}") String iin,
			@RequestParam(required = false) @Nullable String personId,
			@RequestParam(required = false) @Nullable MessageStatus status,
			@RequestParam(required = false) @Nullable Channel channel,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
		String where = """
				where m.audience in (:audiences)
				  and (cast(:iin as text) is null or n.iin = :iin)
				  and (cast(:person as text) is null or m.person_id = :person)
				  and (cast(:status as text) is null or m.status = :status)
				  and (cast(:channel as text) is null or m.channel = :channel)""";
		var query = jdbc.sql("""
				select m.*, n.iin from message m left join notification n on n.id = m.notification_id
				""" + where + """

				order by m.created_at desc, m.id limit :size offset :offset""");
		var count = jdbc.sql("select count(*) from message m left join notification n on n.id = m.notification_id\n"
				+ where);
		for (var statement : List.of(query, count)) {
			statement.param("audiences", audiences(staff).stream().map(Audience::name).toList())
				.param("iin", iin)
				.param("person", personId)
				.param("status", status == null ? null : status.name())
				.param("channel", channel == null ? null : channel.name());
		}
		audit.record(staff.getName(), "deliveries.viewed",
				personId != null ? "person/" + personId : iin != null ? "iin/" + iin.substring(0, 6) + "******" : "deliveries",
				"filter status=" + status + " channel=" + channel + " page=" + page);
		List<Delivery> items = query.param("size", size)
			.param("offset", (long) page * size)
			.query((rs, row) -> delivery(rs, List.of()))
			.list();
		return new Page(items, page, size, count.query(Long.class).single());
	}

	@GetMapping("/{id}")
	@Transactional
	Delivery one(Authentication staff, @PathVariable UUID id) {
		audit.record(staff.getName(), "deliveries.viewed", "message/" + id, "one message with its history");
		List<StatusChange> history = jdbc.sql("select status, at, detail from message_status where message_id = ? order by at")
			.param(id)
			.query((rs, row) -> new StatusChange(MessageStatus.valueOf(rs.getString("status")),
					rs.getTimestamp("at").toInstant(), rs.getString("detail")))
			.list();
		return jdbc.sql("""
				select m.*, n.iin from message m left join notification n on n.id = m.notification_id
				where m.id = :id and m.audience in (:audiences)""")
			.param("id", id)
			.param("audiences", audiences(staff).stream().map(Audience::name).toList())
			.query((rs, row) -> delivery(rs, history))
			.optional()
			.orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
	}

	private static Set<Audience> audiences(Authentication staff) {
		boolean operator = staff.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch("ROLE_cabinet-operator"::equals);
		return operator ? EnumSet.allOf(Audience.class) : EnumSet.of(Audience.PROGRAMME);
	}

	private static Delivery delivery(ResultSet rs, List<StatusChange> history) throws SQLException {
		String iin = rs.getString("iin");
		return new Delivery(rs.getObject("id", UUID.class), rs.getObject("notification_id", UUID.class),
				rs.getString("person_id"), iin == null ? null : iin.substring(0, 6) + "******",
				MessageKind.valueOf(rs.getString("kind")), Channel.valueOf(rs.getString("channel")),
				Notifications.masked(rs.getString("destination")), MessageStatus.valueOf(rs.getString("status")),
				rs.getInt("attempts"), rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), history);
	}

	record Page(List<Delivery> items, int page, int size, long total) {
	}

	/** @param destination masked: {@code +7701*****67}, {@code d***@example.kz} */
	record Delivery(UUID id, @Nullable UUID notificationId, @Nullable String personId, @Nullable String iin,
			MessageKind kind, Channel channel, String destination, MessageStatus status, int attempts,
			@Nullable String lastError, Instant createdAt, Instant updatedAt, List<StatusChange> history) {
	}

	record StatusChange(MessageStatus status, Instant at, @Nullable String detail) {
	}
}
