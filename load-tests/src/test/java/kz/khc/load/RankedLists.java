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
 * The ranked lists of an edition (scoring-service), read: the public page of a category's list (no login, IINs
 * masked), the akimat officer's page of the same list with the applicants' details, and a citizen's "my positions".
 * load.sh runs it through the gateway and to scoring-service directly; {@code ranking.csv}: programme, edition,
 * category, staffToken, citizenToken. Closed loop of {@code load.concurrency} (16) users.
 */
public class RankedLists extends Simulation {

	private static final String LIST = "/api/scoring/v1/programmes/#{programme}/editions/#{edition}/lists/#{category}";

	private static final ChainBuilder VISIT = feed(csv(Load.file("ranking.csv")).random())
		.exec(http("public list page").get(LIST + "?page=0&size=50").check(status().is(200)))
		.exec(http("staff list page").get(LIST + "/entries?page=0&size=50")
			.header("Authorization", "Bearer #{staffToken}")
			.check(status().is(200)))
		.exec(http("my positions").get("/api/scoring/v1/my/positions")
			.header("Authorization", "Bearer #{citizenToken}")
			.check(status().is(200)));

	{
		setUp(scenario("ranked lists").exec(Load.closedLoop(exec(VISIT)))
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
