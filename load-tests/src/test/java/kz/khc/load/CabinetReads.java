package kz.khc.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * A citizen's cabinet visit, repeated: the list of their contracts, a page of one contract's schedule (a year, ten
 * rows), their profile — each with the citizen's own access token. load.sh runs it once through the gateway and once
 * to cabinet-service directly with the same tokens; the ratio of the two is what the gateway costs. Closed loop of
 * {@code load.concurrency} (16) users; data file {@code citizens.csv}: token, contract, year.
 */
public class CabinetReads extends Simulation {

	private static final ChainBuilder VISIT = feed(csv(Load.file("citizens.csv")).random())
		.exec(http("contracts").get("/api/cabinet/v1/contracts")
			.header("Authorization", "Bearer #{token}")
			.check(status().is(200)))
		.exec(http("schedule page").get("/api/cabinet/v1/contracts/#{contract}/schedule?year=#{year}&size=10&page=0")
			.header("Authorization", "Bearer #{token}")
			.check(status().is(200)))
		.exec(http("profile").get("/api/cabinet/v1/profile")
			.header("Authorization", "Bearer #{token}")
			.check(status().is(200)));

	{
		setUp(scenario("cabinet reads").exec(Load.closedLoop(exec(VISIT)))
			.injectOpen(atOnceUsers(Load.integer("concurrency", 16))))
			.protocols(Load.protocol());
	}

	@Override
	public void before() {
		Load.mark("start");
	}

	@Override
	public void after() {
		Load.mark("end");
	}
}
