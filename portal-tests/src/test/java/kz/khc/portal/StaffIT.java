package kz.khc.portal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import kz.khc.deploy.LocalSuite;
import kz.khc.deploy.OidcLogin;
import kz.khc.deploy.bench.Api;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The akimat's and the bank's screens against the whole suite (DOMAIN A1–A4, S4). Two teachers apply through the API
 * as their browsers would (documents, the demo CA's signature); the launcher's demo applications fill the education
 * list, two of them tied. In Kazakh, the akimat officer verifies the eligible teacher beside the automatic assessment,
 * sets the education list's quota to 1 and issues its direction; in Russian, the bank officer records the visit and a
 * failed qualification, and the next in the list has the direction at once. Neither reaches the other's tools.
 */
@ExtendWith(PortalSuite.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaffIT {

	private static final String APPLICATIONS = "/api/elorda/v1/applications";
	private static final String EDUCATION_LIST = "/api/scoring/v1/programmes/elorda-zhastary/editions/%d/lists/EDUCATION";
	private static final Duration EVENTUALLY = Duration.ofMinutes(2);
	private static final List<String> DOCUMENTS = List.of("CIVIL_STATUS_CERTIFICATE", "NO_PROPERTY_CERTIFICATE",
			"EMPLOYMENT_CERTIFICATE", "WORK_RECORD", "PENSION_STATEMENT", "DEPOSIT_CERTIFICATE", "INCOME_CERTIFICATE",
			"DIPLOMA");
	/** A teacher at a city school, single; %1$s her name, %2$s her Otbasy deposit (10 % of the loan is 1,500,000). */
	private static final String TEACHER_FORM = """
			{"category":"EDUCATION","requestedLoan":15000000,
			 "applicant":{"fullName":"%1$s","citizenship":"KZ",
			  "registration":{"city":"ASTANA","permanent":true,"since":"2018-05-01"},
			  "employment":{"organizationBin":"090440001236","organizationName":"ГУ «Школа-лицей № 12»",
			   "position":"учитель математики","sphere":"EDUCATION","city":"ASTANA","stateOrganization":true,
			   "profileStaff":true,"since":"2025-06-01","onMaternityLeave":false},
			  "education":{"level":"HIGHER","matchesSphere":true},"disabilityGroup":null,"orphanQueueCity":null},
			 "family":[],
			 "householdNetIncome":[280000,280000,285000,285000,290000,290000],
			 "deposits":[{"holder":"APPLICANT","bank":"OTBASY","balance":%2$s}],
			 "property":{"ownedInLast5Years":false,"rentToOwnInLast5Years":false,"onlyEmergencyAdobeOrReed":false},
			 "contact":{"mobile":"+77011234567","email":null,"language":"kk"}}""";
	private static final LocatorAssertions.IsVisibleOptions EVENTUALLY_VISIBLE = new LocatorAssertions.IsVisibleOptions()
		.setTimeout(EVENTUALLY.toMillis());

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private static final JsonMapper json = JsonMapper.builder().build();

	private static LocalSuite suite;
	/** The teacher who meets every criterion, and the one whose deposit is too small (E4). */
	private static String eligibleNumber;
	private static String eligibleName;
	private static String ineligibleNumber;
	/** The akimat's page, kept for the second test: the list shows the next direction. */
	private static Page akimat;
	private static String firstDirection;
	private static final int EDITION = LocalDate.now(ZoneId.of("Asia/Almaty")).getYear();

	@BeforeAll
	static void prepare() throws Exception {
		suite = PortalSuite.suite();
		var api = new Api(http, suite.gatewayUrl(), suite.keycloakUrl());
		String admin = api.adminToken();
		int first = ThreadLocalRandom.current().nextInt(5000, 6400); // born in 1993–1997: 35 at most (E2)
		eligibleName = "Әлиева Жанар " + first;
		JsonNode eligible = apply(api, admin, first, eligibleName, "1600000");
		JsonNode ineligible = apply(api, admin, first + 1, "Нурланов Дамир " + first, "600000");
		eligibleNumber = eligible.path("number").asString();
		ineligibleNumber = ineligible.path("number").asString();

		// the scoring service's assessments travel back through Kafka; the launcher's demo applications fill the list
		String officer = new OidcLogin(suite.keycloakUrl(), "elorda", "elorda-web", suite.gatewayUrl() + "/")
			.login("akimat.officer", "Akimat-demo-1").accessToken();
		for (JsonNode application : List.of(eligible, ineligible)) {
			await().atMost(EVENTUALLY).until(() -> json.readTree(get(APPLICATIONS + "/" + application.path("id")
				.asString(), officer).body()).path("assessment").path("eligible").isBoolean());
		}
		await().atMost(EVENTUALLY).until(() -> json.readTree(get(EDUCATION_LIST.formatted(EDITION), null).body())
			.path("total").asLong() >= 3);
	}


	/** A teacher's signed application with her documents, as her browser and NCALayer would make it. */
	static JsonNode apply(Api api, String admin, int n, String name, String deposit) throws Exception {
		String iin = Api.iin(n);
		String account = "1108%08d".formatted(n);
		api.ensureCitizen(admin, iin, account);
		String token = api.citizenToken(iin, account);
		HttpResponse<String> draft = post(APPLICATIONS, token, TEACHER_FORM.formatted(name, deposit));
		assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
		String id = json.readTree(draft.body()).path("id").asString();
		for (String type : DOCUMENTS) {
			HttpResponse<String> uploaded = api.upload(token, id, type, iin, LocalDate.now(ZoneId.of("Asia/Almaty")));
			assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		}
		HttpResponse<String> toSign = get(APPLICATIONS + "/" + id + "/signing-content", token);
		assertThat(toSign.statusCode()).as(toSign.body()).isEqualTo(200);
		byte[] content = Base64.getDecoder().decode(json.readTree(toSign.body()).path("content").asString());
		HttpResponse<String> submitted = post(APPLICATIONS + "/" + id + "/submission", token, "{\"signature\":\"%s\"}"
			.formatted(Base64.getEncoder().encodeToString(PortalSuite.suite().demoCa().sign(iin, content))));
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
		return json.readTree(submitted.body());
	}

	@Test
	@Order(1)
	void anOfficerVerifiesAnApplicationAndIssuesADirection() {
		Page page = PortalSuite.browser().phone("kk-KZ");
		akimat = page;
		page.navigate("/staff/applications?category=EDUCATION");
		signIn(page, "Кіруге өту", "akimat.officer", "Akimat-demo-1");

		assertThat(page.locator("h1")).hasText("Тексерілетін өтінімдер");
		assertThat(page.getByLabel("Санат")).hasValue("EDUCATION");
		Locator eligibleRow = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(eligibleNumber));
		assertThat(eligibleRow).containsText("сәйкес келеді");
		assertThat(eligibleRow).containsText("қалған жұмыс күндері");
		assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(ineligibleNumber)))
			.containsText("орындалмады: E4");
		Browser.check(page, "staff-applications-kk");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(eligibleNumber)).click();
		assertThat(page.locator("h1")).hasText(eligibleNumber + " өтінімі");
		assertThat(page.locator("#assessment-heading + p")).containsText("сәйкес келеді");
		assertThat(page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Бағдарлама өлшемшарттары"))
			.getByRole(AriaRole.LISTITEM)).hasCount(9); // LOAN_AMOUNT, E1…E8
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Ашу: "))))
			.hasCount(DOCUMENTS.size());
		Download download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName(Pattern.compile("^Ашу: Диплом"))).click());
		assertThat(download.suggestedFilename()).endsWith(".pdf");
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("файлы жүктелді");
		Browser.check(page, "staff-application-kk");

		// a rejection needs its reason and a comment: refused here before it reaches the intake
		page.getByLabel("Өтінімді қабылдамау").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Шешімді сақтау")).click();
		assertThat(page.getByRole(AriaRole.ALERT)).containsText("Бас тарту үшін себебін көрсетіңіз");
		Browser.check(page, "staff-application-refused-kk");

		page.getByLabel("Өтінімді растау").check();
		page.getByLabel("Түсініктеме").fill("Құжаттар тексерілді");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Шешімді сақтау")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Өтінім расталды");
		assertThat(page.locator("#decision-heading + dl")).containsText("akimat.officer");
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Шешімді сақтау"))).hasCount(0);
		Browser.check(page, "staff-application-verified-kk");

		// the education list: the demo's tied pair on top; the verified teacher joins it once scoring hears of it
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Тізімдер")).click();
		assertThat(page.locator("h1")).hasText("Кезек тізімдері");
		// the editions scoring knows (its rules' 2022…2026), the one in effect chosen
		assertThat(page.getByLabel("Бағдарлама басылымы")).hasValue(String.valueOf(EDITION));
		assertThat(page.getByLabel("Бағдарлама басылымы").locator("option")).hasCount(5);
		assertThat(page.getByLabel("Бағдарлама басылымы").locator("option").first())
			.hasText(Pattern.compile("^2026 \\(тізімдерде: \\d+\\)$"));
		page.getByLabel("Санат").selectOption("EDUCATION");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Көрсету")).click();
		await().atMost(EVENTUALLY).untilAsserted(() -> {
			page.reload();
			assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(eligibleNumber)))
				.isVisible();
		});
		assertThat(page.getByText("ұпайлары мен туған күні бірдей", new Page.GetByTextOptions().setExact(true))).hasCount(2);
		assertThat(page.getByText("Квота: 0. Жолдамалармен бос емес: 0. Бос орын: 0.")).isVisible();
		Browser.check(page, "staff-list-kk");

		page.getByLabel("Квота", new Page.GetByLabelOptions().setExact(true)).fill("1");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Квотаны сақтау")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).hasText("Квота белгіленді: 1.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Жолдамалар беру")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Берілген жолдамалар: 1");
		Locator directions = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Жолдамалар: 1"));
		assertThat(directions.getByRole(AriaRole.ROW).nth(1)).containsText("Берілді");
		firstDirection = directions.getByRole(AriaRole.ROW).nth(1).getByRole(AriaRole.LINK).textContent().strip();
		String topOfTheList = page.getByRole(AriaRole.TABLE).first().getByRole(AriaRole.ROW).nth(1)
			.getByRole(AriaRole.ROWHEADER).textContent().strip();
		assertThat(page.locator("#audit-heading + .table-scroll")).containsText("Квота белгіленді");
		Browser.check(page, "staff-list-issued-kk");

		// the akimat reads the direction's card and its audit trail, but records nothing of the bank's
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(firstDirection)).click();
		assertThat(page.locator("h1")).hasText(firstDirection + " жолдамасы");
		assertThat(page.locator("dl.facts")).containsText(topOfTheList);
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Келуін белгілеу"))).hasCount(0);
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Келесі қадам"))).hasCount(0);
		assertThat(page.locator("#audit-heading + .table-scroll")).containsText("Жолдама берілді");
		Browser.check(page, "staff-direction-akimat-kk");
	}

	@Test
	@Order(2)
	void aBankOfficerRecordsAFailedQualificationAndTheNextApplicantsDirectionAppears() {
		assertThat(firstDirection).as("the direction the akimat issued").isNotNull();
		Page page = PortalSuite.browser().phone("ru-RU");
		page.navigate("/staff/applications");
		signIn(page, "Перейти ко входу", "bank.officer", "Bank-demo-1");
		assertThat(page.locator("h1")).hasText("Нет доступа");
		Browser.check(page, "bank-forbidden-ru");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Направления").setExact(true)).click();
		assertThat(page.locator("h1")).hasText("Направления в банк");
		assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(firstDirection)))
			.containsText("осталось дней");
		Browser.check(page, "bank-directions-ru");
		page.getByLabel("Номер направления").fill(firstDirection);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Найти")).click();
		assertThat(page).hasURL(Pattern.compile(".*/bank/directions\\?number=.*"));
		assertThat(page.locator("tbody tr")).hasCount(1);

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(firstDirection)).click();
		assertThat(page.locator("h1")).hasText("Направление " + firstDirection);
		assertThat(page.locator("ol.timeline li")).hasCount(1);
		Browser.check(page, "bank-direction-ru");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Отметить визит")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).hasText("Записано: Визит в банк.");
		assertThat(page.locator("ol.timeline li").first()).containsText("Визит в банк");

		// a failed qualification needs its reason
		page.getByLabel("Квалификация не пройдена").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Сохранить")).click();
		assertThat(page.getByRole(AriaRole.ALERT)).containsText("Укажите причину");
		Browser.check(page, "bank-direction-reason-required-ru");
		page.getByLabel("Причина отказа").fill("Платёжеспособность не подтверждена");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Сохранить")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).hasText("Записано: Квалификация не пройдена.");
		assertThat(page.locator("dl.facts")).containsText("Квалификация не пройдена");
		assertThat(page.locator("ol.timeline li").first()).containsText("Платёжеспособность не подтверждена");
		assertThat(page.getByText("Направление завершено: шагов больше нет.")).isVisible();
		Browser.check(page, "bank-direction-failed-ru");

		// the place is free again: the next in the education list has a direction, in the bank's inbox and the list
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("← Ко всем направлениям")).click();
		page.getByLabel("Статус").selectOption("ISSUED");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Найти")).click();
		Locator next = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Образование"));
		assertThat(next).hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(EVENTUALLY.toMillis()));
		assertThat(next).not().containsText(firstDirection);
		Browser.check(page, "bank-directions-next-ru");

		akimat.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("← Кезек тізіміне")).click();
		Locator directions = akimat.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Жолдамалар: 2"));
		assertThat(directions).isVisible(EVENTUALLY_VISIBLE);
		assertThat(directions.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(firstDirection)))
			.containsText("Біліктіліктен өтпеді");
		Locator issued = directions.locator("tbody tr").filter(new Locator.FilterOptions().setHasNotText(firstDirection));
		assertThat(issued).containsText("Берілді");
		assertThat(issued.locator("td").first()).hasText("2"); // the second in the list
		Browser.check(akimat, "staff-list-next-kk");
	}

	/** From the portal's staff login to Keycloak's page and back to where the officer was going. */
	static void signIn(Page page, String button, String username, String password) {
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button)).click();
		page.locator("#username").fill(username);
		page.locator("#password").fill(password);
		page.locator("#kc-login").click();
	}

	static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create(PortalSuite.suite().gatewayUrl() + path)).timeout(Duration.ofSeconds(30)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static HttpResponse<String> post(String path, String token, String body)
			throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(PortalSuite.suite().gatewayUrl() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString());
	}
}
