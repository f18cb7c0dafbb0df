package kz.khc.cabinet.coredata;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.Collectors;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * For the local run: when the cabinet has no clients yet, loads {@code cabinet.demo-data.clients} generated clients
 * through the same import path the company's files take.
 */
@Component
@ConditionalOnProperty("cabinet.demo-data.clients")
class DemoDataLoader implements ApplicationRunner {

	private final CoreDataImport imports;
	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;
	private final int clients;

	DemoDataLoader(CoreDataImport imports, JdbcClient jdbc, JsonMapper json, Clock clock,
			@org.springframework.beans.factory.annotation.Value("${cabinet.demo-data.clients}") int clients) {
		this.imports = imports;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.clients = clients;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select exists (select 1 from client)").query(Boolean.class).single()) {
			return;
		}
		String lines = new DemoData(2026, LocalDate.now(clock)).records(clients)
			.map(json::writeValueAsString)
			.collect(Collectors.joining("\n"));
		imports.load(new BufferedReader(new StringReader(lines)));
	}
}
