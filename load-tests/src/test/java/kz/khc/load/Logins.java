package kz.khc.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
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
 * A citizen's login to the cabinet (DOMAIN I3, {@code POST /api/identity/v1/sessions}): user type, account number, IIN
 * and password, each time a random citizen of {@code citizens.csv} (iin, account, password). load.sh runs it through
 * the gateway and to identity-service directly; {@link KeycloakLogins} is the floor. Closed loop of
 * {@code load.concurrency} (8) users.
 */
public class Logins extends Simulation {

	private static final ChainBuilder LOGIN = feed(csv(Load.file("logins.csv")).random())
		.exec(http("login").post("/api/identity/v1/sessions")
			.header("Content-Type", "application/json")
			.body(StringBody("""
					{"userType":"CLIENT","accountNumber":"#{account}","iin":"#{iin}","password":"#{password}"}"""))
			.check(status().is(200)));

	{
		setUp(scenario("login").exec(Load.closedLoop(exec(LOGIN)))
			.injectOpen(atOnceUsers(Load.integer("concurrency", 8))))
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
