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
 * The floor under {@link Logins}: what identity-service asks Keycloak for each login — the password grant of the
 * confidential client {@code citizen-login} — sent to Keycloak's token endpoint directly ({@code load.baseUrl} is
 * Keycloak's). Same citizens, same closed loop.
 */
public class KeycloakLogins extends Simulation {

	private static final ChainBuilder GRANT = feed(csv(Load.file("logins.csv")).random())
		.exec(http("password grant").post("/realms/elorda/protocol/openid-connect/token")
			.formParam("grant_type", "password")
			.formParam("client_id", "#{client}")
			.formParam("client_secret", "#{secret}")
			.formParam("username", "#{iin}")
			.formParam("password", "#{password}")
			.formParam("scope", "openid")
			.check(status().is(200)));

	{
		setUp(scenario("password grant").exec(Load.closedLoop(exec(GRANT)))
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
