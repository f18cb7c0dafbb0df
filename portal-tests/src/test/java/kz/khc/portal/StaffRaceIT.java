package kz.khc.portal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import kz.khc.deploy.OidcLogin;
import kz.khc.deploy.bench.Api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two officers on one record at once: the second to save learns, in the page's language, that someone else changed it
 * meanwhile, sees it as it is now, and keeps what they chose and typed. The akimat officer decides an application in
 * two browsers (Russian and Kazakh); the bank officer records a direction's steps in two tabs of one browser. The data
 * stays out of what {@link StaffIT} counts: a teacher whose deposit is too small (a verification does not rank her)
 * and a direction in the sport list.
 */
@ExtendWith(PortalSuite.class)
class StaffRaceIT {

	private static final Duration EVENTUALLY = Duration.ofMinutes(2);
	private static final int EDITION = LocalDate.now(ZoneId.of("Asia/Almaty")).getYear();
	private static final String SPORT_LIST = "/api/scoring/v1/programmes/elorda-zhastary/editions/" + EDITION
			+ "/lists/SPORT";

	/** An answer to a save: the request, and after a refusal the record loaded again, on a busy machine. */
	private static final LocatorAssertions.ContainsTextOptions ANSWERED = new LocatorAssertions.ContainsTextOptions()
		.setTimeout(30_000);
	private static final LocatorAssertions.HasTextOptions RECORDED = new LocatorAssertions.HasTextOptions()
		.setTimeout(30_000);

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theSecondOfTwoOfficersDecidingAnApplicationSeesTheFirstsDecisionAndKeepsTheirOwn() throws Exception {
		var suite = PortalSuite.suite();
		var api = new Api(http, suite.gatewayUrl(), suite.keycloakUrl());
		int n = ThreadLocalRandom.current().nextInt(6400, 7800);
		JsonNode application = StaffIT.apply(api, api.adminToken(), n, "Серикова Айгуль " + n, "600000");
		String id = application.path("id").asString();
		String number = application.path("number").asString();
		String officer = officerToken();
		await().atMost(EVENTUALLY).until(() -> json.readTree(StaffIT.get("/api/elorda/v1/applications/" + id, officer)
			.body()).path("assessment").path("eligible").isBoolean());

		Page russian = PortalSuite.browser().phone("ru-RU");
		russian.navigate("/staff/applications/" + id);
		StaffIT.signIn(russian, "Перейти ко входу", "akimat.officer", "Akimat-demo-1");
		assertThat(russian.locator("h1")).hasText("Заявка " + number);
		Page kazakh = PortalSuite.browser().phone("kk-KZ");
		kazakh.navigate("/staff/applications/" + id);
		StaffIT.signIn(kazakh, "Кіруге өту", "akimat.officer", "Akimat-demo-1");
		assertThat(kazakh.locator("h1")).hasText(number + " өтінімі");

		// in Kazakh the officer starts a rejection and types its comment; meanwhile the Russian one verifies
		String comment = "Отбасы банкіндегі салым жеткіліксіз.\nАнықтаманы қайта тапсырыңыз.";
		kazakh.getByLabel("Өтінімді қабылдамау").check();
		kazakh.getByLabel("Бас тарту себебі").selectOption("E4");
		kazakh.getByLabel("Өтініш берушіге түсініктеме").fill(comment);

		russian.getByLabel("Подтвердить заявку").check();
		russian.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Сохранить решение")).click();
		assertThat(russian.getByRole(AriaRole.STATUS)).containsText("Заявка подтверждена", ANSWERED);
		Browser.check(russian, "staff-race-verified-ru");

		kazakh.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Шешімді сақтау")).click();
		Locator alert = kazakh.getByRole(AriaRole.ALERT);
		assertThat(alert).containsText("Өтінім бойынша шешім қабылданған", ANSWERED);
		assertThat(alert).containsText("akimat.officer");
		assertThat(alert).containsText("Төменде — өтінім қазіргі күйінде");
		assertThat(kazakh.locator("#problem")).isFocused();
		// the fresh state: verified, by whom; no form to decide again
		assertThat(kazakh.locator("#decision-heading + dl")).containsText("Расталды");
		assertThat(kazakh.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Шешімді сақтау"))).hasCount(0);
		// what this officer chose and typed is still there, not sent
		Locator unsent = kazakh.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Сіздің шешіміңіз сақталмады"));
		assertThat(unsent).containsText("Өтінімді қабылдамау");
		assertThat(unsent).containsText("E4 — Отбасы банкіндегі салымдар");
		assertThat(unsent).containsText("Отбасы банкіндегі салым жеткіліксіз.");
		assertThat(unsent).containsText("Анықтаманы қайта тапсырыңыз.");
		Browser.check(kazakh, "staff-race-stale-kk");
	}

	@Test
	void aStepRecordedInOneTabIsRefusedClearlyInTheOtherWithItsTextKept() throws Exception {
		String officer = officerToken();
		await().atMost(EVENTUALLY).until(() -> json.readTree(StaffIT.get(SPORT_LIST, null).body()).path("total")
			.asLong() >= 1);
		HttpResponse<String> quota = put(SPORT_LIST + "/quota", officer, "{\"quota\":1}");
		assertThat(quota.statusCode()).as(quota.body()).isEqualTo(200);
		HttpResponse<String> issued = StaffIT.post(SPORT_LIST + "/directions", officer, "");
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
		JsonNode direction = json.readTree(issued.body()).path(0);
		String path = "/bank/directions/" + direction.path("id").asString();
		String number = direction.path("number").asString();

		Page first = PortalSuite.browser().phone("ru-RU");
		first.navigate(path);
		StaffIT.signIn(first, "Перейти ко входу", "bank.officer", "Bank-demo-1");
		assertThat(first.locator("h1")).hasText("Направление " + number);
		// a second tab of the same browser: Keycloak knows the officer, the login passes without the form
		Page second = first.context().newPage();
		second.navigate(path);
		second.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Перейти ко входу")).click();
		assertThat(second.locator("h1")).hasText("Направление " + number);

		// both show the issued direction; the second tab's note is typed, the first records the visit
		second.getByLabel("Заметка").fill("Пришёл с паспортом и письмом");
		first.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Отметить визит")).click();
		assertThat(first.getByRole(AriaRole.STATUS)).hasText("Записано: Визит в банк.", RECORDED);

		second.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Отметить визит")).click();
		Locator alert = second.getByRole(AriaRole.ALERT);
		assertThat(alert.getByRole(AriaRole.HEADING)).hasText("Пока карточка была открыта, направление изменили", RECORDED);
		assertThat(alert).containsText("уже в состоянии «визит в банк»");
		assertThat(alert).containsText("Карточка ниже показывает направление таким, какое оно сейчас");
		assertThat(alert).not().containsText("VISITED");
		assertThat(second.locator("dl.facts").first()).containsText("Визит в банк");
		assertThat(second.locator("ol.timeline li").first()).containsText("Визит в банк");
		Locator unsent = second.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Ваша запись не сохранена"));
		assertThat(unsent).containsText("Пришёл с паспортом и письмом");
		// the fresh card offers the step that follows now: the qualification
		assertThat(second.getByLabel("Квалификация не пройдена")).isVisible();
		Browser.check(second, "bank-race-visit-ru");

		// now both show the visited direction: the second tab fails the qualification with its reason, the first
		// passes it first
		second.getByLabel("Квалификация не пройдена").check();
		second.getByLabel("Причина отказа").fill("Доход не подтверждён справкой");
		first.getByLabel("Квалификация пройдена").check();
		first.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Сохранить")).click();
		assertThat(first.getByRole(AriaRole.STATUS)).hasText("Записано: Квалификация пройдена.", RECORDED);
		Browser.check(first, "bank-race-qualified-ru");

		second.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Сохранить")).click();
		assertThat(alert.getByRole(AriaRole.HEADING)).hasText("Пока карточка была открыта, направление изменили", RECORDED);
		assertThat(alert).containsText("уже в состоянии «квалификация пройдена»");
		assertThat(second.locator("#problem")).isFocused();
		assertThat(second.locator("dl.facts").first()).containsText("Квалификация пройдена");
		assertThat(unsent).containsText("Квалификация не пройдена");
		assertThat(unsent).containsText("Доход не подтверждён справкой");
		assertThat(second.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Жильё выбрано"))).isVisible();
		Browser.check(second, "bank-race-qualification-ru");
	}

	private static String officerToken() {
		var suite = PortalSuite.suite();
		return new OidcLogin(suite.keycloakUrl(), "elorda", "elorda-web", suite.gatewayUrl() + "/")
			.login("akimat.officer", "Akimat-demo-1").accessToken();
	}

	private static HttpResponse<String> put(String path, String token, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(PortalSuite.suite().gatewayUrl() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}
}
