package kz.khc.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * The intake's opening: citizens arriving to submit their signed applications
 * ({@code POST /api/elorda/v1/applications/{id}/submission}: the CMS signature checked with OCSP, the documents against
 * the package, the number, the event in the same transaction). Open model — arrivals do not wait for answers: a
 * warm-up at {@code load.warmupRate} (4) per second for {@code load.warmup} (10 s), then a ramp from
 * {@code load.rateFrom} (2) to {@code load.rateTo} (24) submissions per second over {@code load.duration} (40 s). Each
 * arrival submits one draft that load.sh prepared and signed (drafts-warm-up.csv, drafts.csv: id, token, signature),
 * each once; 200 expected.
 */
public class IntakeBurst extends Simulation {

	private static ChainBuilder submit(String file) {
		return feed(csv(Load.file(file)).queue())
			.exec(http("submission").post("/api/elorda/v1/applications/#{id}/submission")
				.header("Authorization", "Bearer #{token}")
				.header("Content-Type", "application/json")
				.body(StringBody("{\"signature\":\"#{signature}\"}"))
				.check(status().is(200)));
	}

	{
		int warmUp = Load.integer("warmup", 10);
		var warm = scenario("warm-up").exec(group(Load.WARM_UP).on(exec(submit("drafts-warm-up.csv"))))
			.injectOpen(constantUsersPerSec(Load.integer("warmupRate", 4)).during(warmUp));
		var burst = scenario("burst").exec(group(Load.MEASURED).on(exec(submit("drafts.csv"))))
			.injectOpen(rampUsersPerSec(Load.integer("rateFrom", 2)).to(Load.integer("rateTo", 24))
				.during(Load.integer("duration", 40)));
		setUp(warm.andThen(burst)).protocols(Load.protocol());
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
