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
 * Code requests of primary authorization (DOMAIN I1, {@code POST /api/identity/v1/registrations}): the captcha checked
 * at the providers' simulator, the cabinet asked about the five values, the hourly limits, the challenge, the audit
 * row. Each request has values of its own from {@code registrations.csv} (account, iin, contract, mobile, address —
 * the client's address as a load balancer's {@code X-Forwarded-For}), so no hourly limit trips; they match no contract,
 * so no SMS leaves. Every answer is padded to the service's 800 ms minimum by design. Closed loop of
 * {@code load.concurrency} (32) users; 202 expected.
 */
public class CodeRequests extends Simulation {

	private static final ChainBuilder REQUEST = feed(csv(Load.file("registrations.csv")).queue())
		.exec(http("code request").post("/api/identity/v1/registrations")
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", "#{address}")
			.body(StringBody("""
					{"userType":"CLIENT","accountNumber":"#{account}","iin":"#{iin}","contractNumber":"#{contract}",\
					"contractDate":"2024-02-01","mobile":"#{mobile}","captchaToken":"load","termsAccepted":true}"""))
			.check(status().is(202)));

	{
		setUp(scenario("code request").exec(Load.closedLoop(exec(REQUEST)))
			.injectOpen(atOnceUsers(Load.integer("concurrency", 32))))
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
