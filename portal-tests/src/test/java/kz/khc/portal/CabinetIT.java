package kz.khc.portal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import kz.khc.contracts.Iin;
import kz.khc.deploy.OidcLogin;
import kz.khc.deploy.providers.MailServer;
import kz.khc.deploy.providers.SmsSimulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The client cabinet in a real browser against the whole suite (DOMAIN I1–I8): a client the core system has just sent
 * registers (contract details, the code from the SMS, a password under the live rules), logs in and reads the
 * schedule — in Kazakh, then in Russian; another client's contract in the address is "not found"; the demo client
 * reads the profile, confirms an email through the letter's link, searches the FAQ and reads the inbox.
 */
@ExtendWith(PortalSuite.class)
class CabinetIT {

	private static final Duration EVENTUALLY = Duration.ofMinutes(2);
	private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();



	@Test
	void aClientRegistersAndReadsTheSchedule() throws Exception {
		NewClient client = NewClient.imported();
		Page page = PortalSuite.browser().phone("ru-RU");
		page.navigate("/cabinet/registration");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Қазақша")).click();
		assertThat(page.locator("h1")).hasText("Бастапқы авторизация");
		Browser.check(page, "cabinet-registration-kk");

		// step 1 (DOMAIN I1): the contract's details, consent, "I am not a robot"; a missing one is named first
		page.getByRole(AriaRole.BUTTON, exactly("Код алу")).click();
		assertThat(page.getByRole(AriaRole.ALERT)).containsText("Робот емес екеніңізді растаңыз");
		Browser.check(page, "cabinet-registration-refused-kk");
		label(page, "Дербес шот нөмірі").fill(client.account());
		label(page, "ЖСН").fill(client.iin());
		label(page, "Шарт нөмірі").fill(client.contract());
		label(page, "Шарт күні").fill(client.contractDate().toString());
		label(page, "Ұялы телефон").fill("8 " + client.mobile().substring(1));
		label(page, "Жеке кабинетті пайдалану шарттарымен келісемін").check();
		label(page, "Мен робот емеспін").check();
		page.getByRole(AriaRole.BUTTON, exactly("Код алу")).click();

		// step 2: the code from the SMS; a new one only after the countdown
		assertThat(page.getByRole(AriaRole.HEADING, exactly("SMS-тегі код"))).isVisible();
		assertThat(page.getByText(Pattern.compile("Жаңа кодты \\d+ секундтан кейін"))).isVisible();
		assertThat(page.getByRole(AriaRole.BUTTON, exactly("Кодты қайта жіберу"))).isDisabled();
		Browser.check(page, "cabinet-registration-code-kk");
		label(page, "SMS-тегі код").fill(code(client.mobile()));
		page.getByRole(AriaRole.BUTTON, exactly("Растау")).click();

		// step 3 (DOMAIN I2): the rules are ticked as the password is typed
		assertThat(page.getByRole(AriaRole.HEADING, exactly("Құпиясөз"))).isVisible();
		Locator length = page.locator("ul.rules li").filter(new Locator.FilterOptions().setHasText("кемінде 8 таңба"));
		assertThat(length).containsText("орындалмады");
		label(page, "Жаңа құпиясөз").fill("Abc1!");
		assertThat(length).containsText("орындалмады");
		assertThat(page.locator("ul.rules li").filter(new Locator.FilterOptions().setHasText("кемінде бір сан")))
			.containsText("орындалды");
		label(page, "Жаңа құпиясөз").fill(client.password());
		assertThat(length).containsText("орындалды");
		label(page, "Құпиясөзді қайталаңыз").fill(client.password());
		assertThat(page.locator("ul.rules li.met")).hasCount(7);
		Browser.check(page, "cabinet-registration-password-kk");
		page.getByRole(AriaRole.BUTTON, exactly("Құпиясөзді сақтау")).click();
		assertThat(page.getByRole(AriaRole.HEADING, exactly("Құпиясөз сақталды"))).isVisible();
		Browser.check(page, "cabinet-registration-done-kk");

		// the login (DOMAIN I3) and the cabinet: two contracts to switch between, the debt block
		page.getByRole(AriaRole.LINK, exactly("Кабинетке кіру")).click();
		label(page, "Дербес шот нөмірі").fill(client.account());
		label(page, "ЖСН").fill(client.iin());
		page.getByRole(AriaRole.BUTTON, exactly("Жалғастыру")).click();
		label(page, "Құпиясөз").fill(client.password());
		page.getByRole(AriaRole.BUTTON, exactly("Кіру")).click();
		assertThat(page.locator("h1")).hasText("Жеке кабинет");
		assertThat(page.getByText("Сәлеметсіз бе, Ерлан!")).isVisible();
		assertThat(page.getByRole(AriaRole.HEADING, exactly("№ " + client.contract() + " шарт"))).isVisible();
		Browser.check(page, "cabinet-home-kk");
		page.getByRole(AriaRole.LINK, exactly("№ " + client.lease() + " шарт")).click();
		assertThat(page.getByRole(AriaRole.HEADING, exactly("№ " + client.lease() + " шарт"))).isVisible();
		assertThat(page.getByText("Сатып алу құқығымен жалға алу")).isVisible();
		Browser.check(page, "cabinet-contract-kk");

		// the schedule (DOMAIN I7, I8): switch to the loan, last year's rows, page 2, then 20 a page
		page.getByRole(AriaRole.LINK, exactly("Төлем кестесі")).click();
		assertThat(page.locator("h1")).hasText("Төлем кестесі");
		page.getByRole(AriaRole.LINK, exactly("№ " + client.contract() + " шарт")).click();
		assertThat(page.locator(".lead")).hasText("№ " + client.contract() + " шарт");
		int lastYear = LocalDate.now(ALMATY).getYear() - 1;
		label(page, "Жыл").selectOption(String.valueOf(lastYear));
		page.getByRole(AriaRole.BUTTON, exactly("Көрсету")).click();
		assertThat(page).hasURL(Pattern.compile(".*/schedule\\?year=" + lastYear + "$"));
		assertThat(page.locator("#schedule-range")).hasText("12 ішінен 1 - 10");
		assertThat(page.locator("tbody tr")).hasCount(10);
		assertThat(page.locator("tbody .badge.ok").first()).hasText("Өтелді");
		Browser.check(page, "cabinet-schedule-kk");
		page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Кесте беттері"))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Бет 2").setExact(true)).click();
		assertThat(page.locator("#schedule-range")).hasText("12 ішінен 11 - 12");
		assertThat(page.locator("tbody tr")).hasCount(2);
		page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Беттегі жолдар"))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("20").setExact(true)).click();
		assertThat(page).hasURL(Pattern.compile(".*/schedule\\?year=" + lastYear + "&size=20$"));
		assertThat(page.locator("tbody tr")).hasCount(12);
		Browser.check(page, "cabinet-schedule-size-kk");

		// the same schedule in Russian
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Русский")).click();
		assertThat(page.locator("h1")).hasText("График платежей");
		assertThat(page.locator("caption")).hasText("График платежей по договору № " + client.contract() + " за "
				+ lastYear + " год");
		assertThat(page.locator("tbody .badge.ok").first()).hasText("Погашено");
		Browser.check(page, "cabinet-schedule-ru");
		// on a phone each row is a card, its cells named by their columns; it is still a table to screen readers
		Locator table = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions()
			.setName("График платежей по договору № " + client.contract() + " за " + lastYear + " год"));
		assertThat(table.getByRole(AriaRole.COLUMNHEADER)).hasCount(6);
		assertThat(table.getByRole(AriaRole.ROWHEADER).first()).hasCSS("display", "block");
		assertThat(table.getByRole(AriaRole.CELL).first()).hasAttribute("data-label", "Начисленный платёж");
		// wider, a table again
		page.setViewportSize(1024, 768);
		assertThat(table.getByRole(AriaRole.ROWHEADER).first()).hasCSS("display", "table-cell");
		Browser.check(page, "cabinet-schedule-wide-ru");
		page.setViewportSize(360, 740);
		// and at the low-vision version's largest text, too, without scrolling sideways
		page.getByRole(AriaRole.BUTTON, exactly("Версия для слабовидящих")).click();
		page.getByRole(AriaRole.BUTTON, exactly("A++")).click();
		assertThat(page.locator("html")).hasAttribute("data-size", "larger");
		Browser.check(page, "cabinet-schedule-low-vision-ru");
		page.getByRole(AriaRole.BUTTON, exactly("Версия для слабовидящих")).click();
		assertThat(page.locator("html")).not().hasAttribute("data-size", "larger");

		// another client's contract in the address: not found, nothing of it shown
		String someoneElses = demoClientsFirstContractId();
		page.navigate("/cabinet/contracts/" + someoneElses + "/schedule");
		assertThat(page.locator("h1")).hasText("Договор не найден");
		assertThat(page.locator("table")).hasCount(0);
		Browser.check(page, "cabinet-not-found-ru");
		page.navigate("/cabinet/contracts/" + someoneElses);
		assertThat(page.locator("h1")).hasText("Договор не найден");
		assertThat(page.locator("dl")).hasCount(0);
	}

	@Test
	void theDemoClientReadsTheProfileConfirmsAnEmailSearchesTheFaqAndReadsTheInbox() {
		Page page = PortalSuite.browser().phone("ru-RU");
		page.navigate("/cabinet/password-reset");
		assertThat(page.locator("h1")).hasText("Восстановление пароля");
		assertThat(label(page, "Мобильный телефон")).isVisible();
		assertThat(page.getByLabel("Номер договора")).hasCount(0);
		Browser.check(page, "cabinet-password-reset-ru");

		page.navigate("/cabinet/login");
		label(page, "Номер лицевого счёта").fill(PortalIT.CITIZEN_ACCOUNT);
		label(page, "ИИН").fill(PortalIT.CITIZEN_IIN);
		page.getByRole(AriaRole.BUTTON, exactly("Продолжить")).click();
		label(page, "Пароль").fill(PortalIT.CITIZEN_PASSWORD);
		page.getByRole(AriaRole.BUTTON, exactly("Войти")).click();
		assertThat(page.locator("h1")).hasText("Личный кабинет");
		assertThat(page.getByRole(AriaRole.HEADING, exactly("Информация по задолженности"))).isVisible();
		Browser.check(page, "cabinet-home-ru");

		// the profile (DOMAIN I4) and an email confirmed by the letter's link
		page.getByRole(AriaRole.LINK, exactly("Открыть профиль")).click();
		assertThat(page.locator("h1")).hasText("Профиль");
		assertThat(page.getByText(PortalIT.CITIZEN_IIN).first()).isVisible();
		Browser.check(page, "cabinet-profile-ru");
		String email = "dana." + Long.toString(System.nanoTime(), 36) + "@example.kz";
		label(page, "Новый адрес электронной почты").fill("not-an-address");
		page.getByRole(AriaRole.BUTTON, exactly("Отправить письмо")).click();
		assertThat(page.getByRole(AriaRole.ALERT)).containsText("Введите адрес электронной почты");
		label(page, "Новый адрес электронной почты").fill(email);
		page.getByRole(AriaRole.BUTTON, exactly("Отправить письмо")).click();
		assertThat(page.getByText("Письмо отправлено на " + email, new Page.GetByTextOptions().setExact(false)))
			.isVisible();
		assertThat(page.locator(".badge.warn")).hasText("не подтверждён");
		Browser.check(page, "cabinet-profile-email-sent-ru");
		// the new address stays shown as unconfirmed after a reload: the cabinet has it from the request's event
		await().atMost(EVENTUALLY).until(() -> {
			page.reload();
			page.getByRole(AriaRole.HEADING, exactly("Электронная почта")).waitFor();
			return page.getByText(email).count() == 1;
		});
		assertThat(page.locator(".badge.warn")).hasText("не подтверждён");
		assertThat(page.locator(".badge.ok")).hasCount(0);
		Browser.check(page, "cabinet-profile-email-pending-ru");

		String link = confirmationLink(email);
		page.navigate(link.substring(link.indexOf("/cabinet/email-confirmation")));
		assertThat(page.locator("h1")).hasText("Подтверждение электронной почты");
		Browser.check(page, "cabinet-email-confirmation-ru");
		page.getByRole(AriaRole.BUTTON, exactly("Подтвердить адрес")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Адрес " + email + " подтверждён");
		Browser.check(page, "cabinet-email-confirmed-ru");
		page.getByRole(AriaRole.LINK, exactly("Открыть профиль")).click();
		await().atMost(EVENTUALLY).until(() -> {
			page.reload();
			page.getByRole(AriaRole.HEADING, exactly("Электронная почта")).waitFor();
			return page.locator(".badge.ok").filter(new Locator.FilterOptions().setHasText("подтверждён")).count() == 1;
		});
		assertThat(page.getByText(email)).isVisible();
		// a newer address: shown at once as unconfirmed, not the confirmed one it replaces (whose tick the cabinet
		// keeps until the request's event reaches it)
		String newer = "dana.newer." + Long.toString(System.nanoTime(), 36) + "@example.kz";
		label(page, "Новый адрес электронной почты").fill(newer);
		page.getByRole(AriaRole.BUTTON, exactly("Отправить письмо")).click();
		assertThat(page.getByText("Письмо отправлено на " + newer, new Page.GetByTextOptions().setExact(false)))
			.isVisible();
		assertThat(page.locator(".badge.warn")).hasText("не подтверждён");
		assertThat(page.locator(".badge.ok")).hasCount(0);
		assertThat(page.getByText(email)).hasCount(0);

		// the FAQ (DOMAIN I5): search, an answer opened, 5 a page and the second page
		page.getByRole(AriaRole.LINK, exactly("Частые вопросы")).click();
		assertThat(page.locator("h1")).hasText("Вопросы и ответы");
		assertThat(page.getByText(Pattern.compile("^1 - 10 из \\d+$"))).isVisible();
		Browser.check(page, "cabinet-faq-ru");
		page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Строк на странице"))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("5").setExact(true)).click();
		assertThat(page.getByText(Pattern.compile("^1 - 5 из \\d+$"))).isVisible();
		page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Страницы вопросов"))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Страница 2").setExact(true)).click();
		assertThat(page.getByText(Pattern.compile("^6 - 10 из \\d+$"))).isVisible();
		assertThat(page.locator("details.entry")).hasCount(5);
		label(page, "Поиск по вопросам").fill("пеня");
		page.getByRole(AriaRole.BUTTON, exactly("Найти")).click();
		assertThat(page).hasURL(Pattern.compile(".*/cabinet/faq\\?q=.+&size=5$"));
		Locator penalty = page.locator("details.entry").filter(new Locator.FilterOptions().setHasText("пеня"));
		assertThat(penalty.first()).isVisible();
		penalty.first().locator("summary").click();
		assertThat(penalty.first()).hasAttribute("open", "");
		assertThat(penalty.first().locator("p").first()).isVisible();
		Browser.check(page, "cabinet-faq-search-ru");

		// the inbox: the email request's message, unread until opened
		page.getByRole(AriaRole.LINK, exactly("Сообщения")).click();
		assertThat(page.locator("h1")).hasText("Сообщения");
		Locator message = page.locator("details.entry")
			.filter(new Locator.FilterOptions().setHasText("Подтвердите адрес электронной почты")).first();
		assertThat(message).containsText("Новое");
		Browser.check(page, "cabinet-messages-ru");
		message.locator("summary").click();
		assertThat(message).not().containsText("Новое");
		assertThat(message).containsText("Мы отправили ссылку для подтверждения");
		page.reload();
		assertThat(page.locator("details.entry").first()).isVisible();
		assertThat(page.locator("details.entry")
			.filter(new Locator.FilterOptions().setHasText("Подтвердите адрес электронной почты")).first())
			.not().containsText("Новое");
		Browser.check(page, "cabinet-messages-read-ru");
	}

	private static Page.GetByRoleOptions exactly(String name) {
		return new Page.GetByRoleOptions().setName(name).setExact(true);
	}

	private static Locator label(Page page, String text) {
		return page.getByLabel(text, new Page.GetByLabelOptions().setExact(true));
	}

	/** The six digits of the newest SMS to the number ({@code 7707…}), once it arrives. */
	private static String code(String mobile) {
		Pattern digits = Pattern.compile("\\b(\\d{6})\\b");
		return await().atMost(EVENTUALLY).until(() -> PortalSuite.suite().sms().received().stream()
			.filter(sms -> sms.to().equals(mobile))
			.map(SmsSimulator.Sms::text)
			.map(digits::matcher)
			.filter(Matcher::find)
			.map(found -> found.group(1))
			.findFirst() // the simulator lists the newest first
			.orElse(null), code -> code != null);
	}

	/** The confirmation link of the letter to the address, once it arrives. */
	private static String confirmationLink(String email) {
		Pattern link = Pattern.compile("https?://\\S+/cabinet/email-confirmation\\?token=[\\w.-]+");
		return await().atMost(EVENTUALLY).until(() -> PortalSuite.suite().mail().received().stream()
			.filter(letter -> letter.to().contains(email))
			.map(MailServer.Email::text)
			.map(link::matcher)
			.filter(Matcher::find)
			.map(Matcher::group)
			.findFirst()
			.orElse(null), found -> found != null);
	}

	/** The demo client's (another client's) first contract id, read through the API as that client. */
	private static String demoClientsFirstContractId() throws IOException, InterruptedException {
		String session = post("/api/identity/v1/sessions", null, "application/json", """
				{"userType":"CLIENT","accountNumber":"%s","iin":"%s","password":"%s"}"""
			.formatted(PortalIT.CITIZEN_ACCOUNT, PortalIT.CITIZEN_IIN, PortalIT.CITIZEN_PASSWORD));
		Matcher token = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").matcher(session);
		assertThat(token.find()).as(session).isTrue();
		HttpResponse<String> contracts = http.send(HttpRequest.newBuilder(
				URI.create(PortalSuite.suite().gatewayUrl() + "/api/cabinet/v1/contracts"))
			.header("Authorization", "Bearer " + token.group(1))
			.build(), HttpResponse.BodyHandlers.ofString());
		Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(contracts.body());
		assertThat(id.find()).as(contracts.body()).isTrue();
		return id.group(1);
	}

	private static String post(String path, String token, String type, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(PortalSuite.suite().gatewayUrl() + path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", type)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(200, 299);
		return response.body();
	}

	/**
	 * A client the core system has just sent the cabinet (the operator's core-data import), with no account yet: a
	 * mortgage loan paid monthly from January of last year for three years — paid on time until two months ago, the
	 * last two months unpaid, the rest to come — and a rent-to-own lease of this year.
	 */
	private record NewClient(String account, String iin, String mobile, String contract, LocalDate contractDate,
			String lease, String password) {

		static NewClient imported() throws IOException, InterruptedException {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			String account = "119" + "%09d".formatted(random.nextInt(1_000_000_000));
			String mobile = "7707" + "%07d".formatted(random.nextInt(10_000_000));
			LocalDate today = LocalDate.now(ALMATY);
			NewClient client = new NewClient(account, newIin(), mobile, "ИК-" + account.substring(6) + "/1",
					LocalDate.of(today.getYear() - 2, 12, 20), "АВ-" + account.substring(6) + "/2", "Жаңа-құпия7");
			LocalDate firstDue = LocalDate.of(today.getYear() - 1, 1, 10);
			String lines = String.join("\n", """
					{"type":"client","accountNumber":"%s","iin":"%s","userType":"CLIENT","surname":"Омаров",\
					"firstName":"Ерлан","patronymic":null,"sex":"MALE","birthDate":"1990-01-01","idDocumentNumber":"045123457",\
					"idDocumentIssuedOn":"2018-03-01","idDocumentExpiresOn":"2028-02-29","idDocumentAuthority":"МВД РК",\
					"email":null,"mobile":"+%s"}""".formatted(account, client.iin(), mobile),
					contract(account, client.contract(), "MORTGAGE_LOAN", client.contractDate(), firstDue, 36, today),
					contract(account, client.lease(), "RENT_TO_OWN", LocalDate.of(today.getYear() - 1, 12, 1),
							LocalDate.of(today.getYear(), 1, 25), 12, today));
			String operator = new OidcLogin(PortalSuite.suite().keycloakUrl(), "elorda", "elorda-web",
					PortalSuite.suite().gatewayUrl() + "/").login("cabinet.operator", "Operator-demo-1").accessToken();
			String report = post("/api/cabinet/v1/core-data/imports", operator, "application/x-ndjson", lines);
			assertThat(report).as("import report").contains("\"applied\":3");
			return client;
		}

		private static String contract(String account, String number, String kind, LocalDate concluded,
				LocalDate firstDue, int months, LocalDate today) {
			String rows = IntStream.range(0, months).mapToObj(i -> {
				LocalDate due = firstDue.plusMonths(i);
				boolean paid = due.isBefore(today.minusMonths(2));
				String paidOn = paid ? "\"" + due + "\"" : "null";
				String amount = paid ? "\"150000.00\"" : "null";
				return """
						{"seq":%d,"dueDate":"%s","payment":"150000.00","principal":"100000.00","interest":"50000.00",\
						"paidAmount":%s,"paidOn":%s,"writtenOffAmount":%s,"writtenOffOn":%s}"""
					.formatted(i + 1, due, amount, paidOn, amount, paidOn);
			}).collect(Collectors.joining(","));
			return """
					{"type":"contract","accountNumber":"%s","number":"%s","kind":"%s","concludedOn":"%s",\
					"endsOn":"%s","collateralType":"Квартира","address":"г. Астана, пр. Туран, 5, кв. 7",\
					"amount":"%d.00","paymentsCount":%d,"monthlyPayment":"150000.00","paymentDay":%d,\
					"accountBalance":"0.00","debt":{"penalty":"1250.00","fine":"0.00","stateDuty":"0.00"},"schedule":[%s]}"""
				.formatted(account, number, kind, concluded, firstDue.plusMonths(months - 1), months * 100_000, months,
						firstDue.getDayOfMonth(), rows);
		}

		/** A man born 1 January 1990 with a random serial and its check digit (DOMAIN: IIN). */
		private static String newIin() {
			while (true) {
				Optional<String> iin = Iin.completed("9001013" + "%04d".formatted(ThreadLocalRandom.current()
					.nextInt(10_000)));
				if (iin.isPresent()) {
					return iin.get();
				}
			}
		}
	}
}
