package kz.khc.deploy.bench;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads a generated core-data file (DemoDataFile) into the cabinet, resumably: a client whose contracts are all in the
 * database already is skipped. First through the product's import endpoint (through the gateway, as
 * {@code cabinet.operator}, chunks cut at client boundaries, a few in parallel) until a deadline; then, if asked,
 * the rest by PostgreSQL COPY straight into the tables — a benchmark shortcut, not a product path.
 */
final class CoreDataLoad {

	private static final Pattern ACCOUNT = Pattern.compile("\"accountNumber\"\\s*:\\s*\"(\\d+)\"");
	private static final Pattern PAYMENTS = Pattern.compile("\"paymentsCount\"\\s*:\\s*(\\d+)");
	private static final Duration TOKEN_REFRESH = Duration.ofMinutes(4);
	private static final Duration TARGET_REQUEST = Duration.ofSeconds(8);

	/** One client's line and its contracts' lines. */
	record Group(String account, List<String> lines, int contracts, long rows, long bytes) {
	}

	/** What the import phase did (counts from the import's own reports). */
	record ImportStats(long requests, long failedRequests, long lines, long applied, long unchanged, long rejected,
			long contractsSent, long rowsSent, long bytesSent, Duration elapsed, int parallel) {

		double linesPerSecond() {
			return lines / seconds();
		}

		double contractsPerSecond() {
			return contractsSent / seconds();
		}

		double rowsPerSecond() {
			return rowsSent / seconds();
		}

		private double seconds() {
			return Math.max(0.001, elapsed.toMillis() / 1000.0);
		}
	}

	/** What the COPY phase did. */
	record CopyStats(long clients, long contracts, long rows, Duration elapsed) {
	}

	private final Api api;
	private final String jdbcUrl;
	private final Path file;
	private final Consumer<String> log;

	CoreDataLoad(Api api, String jdbcUrl, Path file, Consumer<String> log) {
		this.api = api;
		this.jdbcUrl = jdbcUrl;
		this.file = file;
		this.log = log;
	}

	/** Contracts in the database per account number (0 for a client without contracts). */
	Map<String, Integer> loadedContracts() throws SQLException {
		var loaded = new HashMap<String, Integer>();
		try (Connection connection = DriverManager.getConnection(jdbcUrl, "cabinet", "cabinet");
				Statement statement = connection.createStatement();
				var rs = statement.executeQuery("""
						select c.account_number, count(k.id) from client c left join contract k on k.client_id = c.id
						group by c.account_number""")) {
			while (rs.next()) {
				loaded.put(rs.getString(1), rs.getInt(2));
			}
		}
		return loaded;
	}

	/** The clients of the file not (completely) in the database: their number, contracts and schedule rows. */
	long[] missing(Map<String, Integer> loaded) {
		long[] missing = new long[3];
		groups(group -> {
			if (loaded.getOrDefault(group.account(), -1) != group.contracts()) {
				missing[0]++;
				missing[1] += group.contracts();
				missing[2] += group.rows();
			}
		});
		return missing;
	}

	/** Imports the missing clients through the gateway until {@code deadline}; chunks of whole clients. */
	ImportStats importUntil(Instant deadline, int parallel, Map<String, Integer> loaded) throws InterruptedException {
		var requests = new AtomicLong();
		var failed = new AtomicLong();
		var lines = new AtomicLong();
		var applied = new AtomicLong();
		var unchanged = new AtomicLong();
		var rejected = new AtomicLong();
		var contractsSent = new AtomicLong();
		var rowsSent = new AtomicLong();
		var bytesSent = new AtomicLong();
		var chunkLines = new AtomicInteger(200);
		var token = new TokenHolder();
		var slots = new Semaphore(parallel);
		Instant begin = Instant.now();
		var lastReport = new AtomicLong(System.nanoTime());
		try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
			var chunk = new ArrayList<Group>();
			var chunkLineCount = new int[1];
			try {
				groups(group -> {
					if (Instant.now().isAfter(deadline)) {
						throw new StopReading();
					}
					if (loaded.getOrDefault(group.account(), -1) == group.contracts()) {
						return;
					}
					chunk.add(group);
					chunkLineCount[0] += group.lines().size();
					if (chunkLineCount[0] >= chunkLines.get()) {
						List<Group> toSend = List.copyOf(chunk);
						chunk.clear();
						chunkLineCount[0] = 0;
						try {
							slots.acquire();
						} catch (InterruptedException e) {
							Thread.currentThread().interrupt();
							throw new StopReading();
						}
						workers.submit(() -> {
							try {
								sendChunk(toSend, token, requests, failed, lines, applied, unchanged, rejected,
										contractsSent, rowsSent, bytesSent, chunkLines);
								long now = System.nanoTime();
								long last = lastReport.get();
								if (now - last > Duration.ofSeconds(30).toNanos() && lastReport.compareAndSet(last, now)) {
									double seconds = Duration.between(begin, Instant.now()).toMillis() / 1000.0;
									log.accept("  import: %,d lines, %,d contracts, %,d rows in %.0f s (%.0f lines/s, %.0f rows/s), chunk %d lines, %d failed requests"
											.formatted(lines.get(), contractsSent.get(), rowsSent.get(), seconds,
													lines.get() / seconds, rowsSent.get() / seconds, chunkLines.get(),
													failed.get()));
								}
							} finally {
								slots.release();
							}
						});
					}
				});
				if (!chunk.isEmpty()) {
					List<Group> toSend = List.copyOf(chunk);
					slots.acquire();
					workers.submit(() -> {
						try {
							sendChunk(toSend, token, requests, failed, lines, applied, unchanged, rejected, contractsSent,
									rowsSent, bytesSent, chunkLines);
						} finally {
							slots.release();
						}
					});
				}
			} catch (StopReading stop) {
				log.accept("  import deadline reached; waiting for the requests in flight");
			}
		}
		return new ImportStats(requests.get(), failed.get(), lines.get(), applied.get(), unchanged.get(), rejected.get(),
				contractsSent.get(), rowsSent.get(), bytesSent.get(), Duration.between(begin, Instant.now()), parallel);
	}

	private void sendChunk(List<Group> chunk, TokenHolder token, AtomicLong requests, AtomicLong failed,
			AtomicLong lines, AtomicLong applied, AtomicLong unchanged, AtomicLong rejected, AtomicLong contractsSent,
			AtomicLong rowsSent, AtomicLong bytesSent, AtomicInteger chunkLines) {
		var body = new ByteArrayOutputStream();
		int lineCount = 0;
		int contracts = 0;
		long rows = 0;
		for (Group group : chunk) {
			for (String line : group.lines()) {
				body.writeBytes(line.getBytes(StandardCharsets.UTF_8));
				body.write('\n');
			}
			lineCount += group.lines().size();
			contracts += group.contracts();
			rows += group.rows();
		}
		long started = System.nanoTime();
		requests.incrementAndGet();
		try {
			var response = api.importChunk(token.get(), body.toByteArray());
			if (response.statusCode() != 200) {
				failed.incrementAndGet();
				log.accept("  import chunk of %d lines: HTTP %d %s".formatted(lineCount, response.statusCode(),
						response.body().length() > 300 ? response.body().substring(0, 300) : response.body()));
				return;
			}
			String report = response.body();
			lines.addAndGet(Api.number(report, "lines"));
			applied.addAndGet(Api.number(report, "applied"));
			unchanged.addAndGet(Api.number(report, "unchanged"));
			int rejections = report.split("\"reason\"", -1).length - 1;
			rejected.addAndGet(rejections);
			contractsSent.addAndGet(contracts);
			rowsSent.addAndGet(rows);
			bytesSent.addAndGet(body.size());
			double seconds = Math.max(0.05, (System.nanoTime() - started) / 1e9);
			int next = (int) Math.round(lineCount * TARGET_REQUEST.toMillis() / 1000.0 / seconds);
			chunkLines.set(Math.clamp(next, 50, 2000));
		} catch (RuntimeException e) {
			failed.incrementAndGet();
			log.accept("  import chunk of %d lines failed: %s".formatted(lineCount, e.getMessage()));
		}
	}

	/**
	 * COPY of every client of the file that is not completely in the database: the lines go raw into a temporary
	 * table, PostgreSQL's JSON functions spread them over client, contract and schedule_row. As superuser
	 * {@code postgres} with {@code session_replication_role = replica} (no per-row foreign-key triggers: the data is
	 * consistent by construction); source_hash is {@code bench-copy}, so a later import of the same file re-applies
	 * these records.
	 */
	CopyStats copyRest(Map<String, Integer> loaded, int groupsPerBatch) throws SQLException {
		Instant begin = Instant.now();
		long[] totals = new long[3];
		try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("set session_replication_role = replica");
				statement.execute("create temp table bench_line (line text)");
			}
			connection.commit();
			PGConnection pg = connection.unwrap(PGConnection.class);
			var batch = new CopyBatch(connection, pg);
			groups(group -> {
				if (loaded.getOrDefault(group.account(), -1) == group.contracts()) {
					return;
				}
				batch.add(group);
				if (batch.groups >= groupsPerBatch) {
					batch.flush(totals);
					log.accept("  copy: %,d clients, %,d contracts, %,d rows in %.0f s".formatted(totals[0], totals[1],
							totals[2], Duration.between(begin, Instant.now()).toMillis() / 1000.0));
				}
			});
			batch.flush(totals);
			try (Statement statement = connection.createStatement()) {
				statement.execute("drop table bench_line");
				connection.commit();
				connection.setAutoCommit(true);
				statement.execute("analyze client");
				statement.execute("analyze contract");
				statement.execute("analyze schedule_row");
			}
		}
		return new CopyStats(totals[0], totals[1], totals[2], Duration.between(begin, Instant.now()));
	}

	private static final class CopyBatch {

		private final Connection connection;
		private final PGConnection pg;
		private CopyIn copy;
		private int groups;

		CopyBatch(Connection connection, PGConnection pg) {
			this.connection = connection;
			this.pg = pg;
		}

		void add(Group group) {
			try {
				if (copy == null) {
					copy = pg.getCopyAPI().copyIn(
							"copy bench_line from stdin with (format csv, delimiter e'\\x02', quote e'\\x01')");
				}
				for (String line : group.lines()) {
					byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
					copy.writeToCopy(bytes, 0, bytes.length);
				}
				groups++;
			} catch (SQLException e) {
				throw new IllegalStateException(e);
			}
		}

		void flush(long[] totals) {
			if (copy == null) {
				return;
			}
			try {
				copy.endCopy();
				copy = null;
				groups = 0;
				try (Statement statement = connection.createStatement()) {
					totals[0] += statement.executeUpdate("""
							insert into client (id, account_number, iin, user_type, surname, first_name, patronymic, sex,
							    birth_date, id_document_number, id_document_issued_on, id_document_expires_on,
							    id_document_authority, email, email_verified, mobile, source_hash, updated_at)
							select gen_random_uuid(), j->>'accountNumber', j->>'iin', coalesce(j->>'userType', 'CLIENT'),
							    j->>'surname', j->>'firstName', j->>'patronymic', j->>'sex', (j->>'birthDate')::date,
							    j->>'idDocumentNumber', (j->>'idDocumentIssuedOn')::date, (j->>'idDocumentExpiresOn')::date,
							    j->>'idDocumentAuthority', j->>'email', false, j->>'mobile', 'bench-copy', now()
							from (select line::jsonb j from bench_line where line like '{"type":"client"%') s
							on conflict (account_number) do nothing""");
					statement.execute("""
							create temp table bench_contract on commit drop as
							select line::jsonb j from bench_line where line like '{"type":"contract"%'""");
					try (var rs = statement.executeQuery("""
							with new_contract as (
							    insert into contract (id, client_id, number, kind, concluded_on, ends_on, collateral_type,
							        address, amount, payments_count, monthly_payment, payment_day, account_balance, penalty,
							        fine, state_duty, source_hash, updated_at)
							    select gen_random_uuid(), c.id, b.j->>'number', b.j->>'kind', (b.j->>'concludedOn')::date,
							        (b.j->>'endsOn')::date, b.j->>'collateralType', b.j->>'address', (b.j->>'amount')::numeric,
							        (b.j->>'paymentsCount')::int, (b.j->>'monthlyPayment')::numeric,
							        (b.j->>'paymentDay')::int, (b.j->>'accountBalance')::numeric,
							        (b.j->'debt'->>'penalty')::numeric, (b.j->'debt'->>'fine')::numeric,
							        (b.j->'debt'->>'stateDuty')::numeric, 'bench-copy', now()
							    from bench_contract b join client c on c.account_number = b.j->>'accountNumber'
							    on conflict (number) do nothing
							    returning id, number),
							new_row as (
							    insert into schedule_row (contract_id, seq, due_date, payment, principal, interest,
							        paid_amount, paid_on, written_off_amount, written_off_on)
							    select n.id, (r->>'seq')::int, (r->>'dueDate')::date, (r->>'payment')::numeric,
							        (r->>'principal')::numeric, (r->>'interest')::numeric,
							        coalesce((r->>'paidAmount')::numeric, 0), (r->>'paidOn')::date,
							        coalesce((r->>'writtenOffAmount')::numeric, 0), (r->>'writtenOffOn')::date
							    from new_contract n join bench_contract b on b.j->>'number' = n.number
							    cross join lateral jsonb_array_elements(b.j->'schedule') r
							    returning 1)
							select (select count(*) from new_contract), (select count(*) from new_row)""")) {
						rs.next();
						totals[1] += rs.getLong(1);
						totals[2] += rs.getLong(2);
					}
					statement.execute("truncate bench_line");
				}
				connection.commit();
			} catch (SQLException e) {
				throw new IllegalStateException(e);
			}
		}
	}

	/** Reads the file group by group (a client line starts a group). */
	void groups(Consumer<Group> consumer) {
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String account = null;
			var lines = new ArrayList<String>();
			int contracts = 0;
			long rows = 0;
			long bytes = 0;
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank()) {
					continue;
				}
				if (line.startsWith("{\"type\":\"client\"")) {
					if (account != null) {
						consumer.accept(new Group(account, List.copyOf(lines), contracts, rows, bytes));
					}
					account = match(ACCOUNT, line);
					lines.clear();
					contracts = 0;
					rows = 0;
					bytes = 0;
				} else {
					contracts++;
					rows += Long.parseLong(match(PAYMENTS, line.substring(0, Math.min(line.length(), 2000))));
				}
				lines.add(line);
				bytes += line.length() + 1;
			}
			if (account != null) {
				consumer.accept(new Group(account, List.copyOf(lines), contracts, rows, bytes));
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String match(Pattern pattern, String line) {
		Matcher matcher = pattern.matcher(line);
		if (!matcher.find()) {
			throw new IllegalStateException("unexpected line: " + line.substring(0, Math.min(200, line.length())));
		}
		return matcher.group(1);
	}

	/** Thrown to stop reading the file at the import deadline. */
	private static final class StopReading extends RuntimeException {

		StopReading() {
			super(null, null, false, false);
		}
	}

	/** The operator's access token, renewed well before its 15 minutes are up. */
	private final class TokenHolder {

		private String token = "";
		private long fetchedAt;

		synchronized String get() {
			if (token.isEmpty() || System.nanoTime() - fetchedAt > TOKEN_REFRESH.toNanos()) {
				token = api.operatorToken();
				fetchedAt = System.nanoTime();
			}
			return token;
		}
	}
}
