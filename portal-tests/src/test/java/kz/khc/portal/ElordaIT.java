package kz.khc.portal;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import kz.khc.contracts.Iin;
import kz.khc.deploy.bench.Api;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Elorda Zhastary in a real browser against the whole suite: a young male nurse applies through the wizard (partly in
 * Kazakh, partly in Russian), uploads the documents the intake asks for, signs with the demo NCALayer and follows his
 * application; another citizen cannot open it. Anybody reads the terms, uses the calculator and the pre-check, and sees
 * the counters and the ranked lists.
 */
@ExtendWith(PortalSuite.class)
class ElordaIT {

	/** Api's local demo password of the citizens it makes. */
	private static final String PASSWORD = "Bench-citizen-1";
	/** A man born 26 February 1996: 30 on the day, within the age limit (DOMAIN E2). */
	private static final String NURSE_IIN = Api.iin(5900);
	private static final String NURSE_ACCOUNT = "110000959001";
	/** The demo citizen of realm-elorda.json who heads the healthcare list (DemoApplications). */
	private static final String OTHER_IIN = "900315300010";
	private static final String OTHER_ACCOUNT = "110100000001";
	private static final String OTHER_PASSWORD = "Citizen-demo-2";
	/** His daughter, born 14 May 2020 (century digit 6: a girl of the 2000s). */
	private static final String CHILD_IIN = iin("2005146" + "0001");
	/** A small PDF, told a PDF by its bytes. */
	private static final byte[] PDF = Api.SMALL_PDF;

	@BeforeAll
	static void makeTheNurse() {
		var suite = PortalSuite.suite();
		var api = new Api(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), suite.gatewayUrl(),
				suite.keycloakUrl());
		api.ensureCitizen(api.adminToken(), NURSE_IIN, NURSE_ACCOUNT);
	}


	@Test
	void aCitizenAppliesAndSigns() {
		Page page = PortalSuite.browser().phone("kk-KZ");
		// at the signing: NCALayer not running, then the citizen cancelling in its window, then signing (WebSockets are
		// routed from the page's next load on)
		var connections = new AtomicInteger();
		page.routeWebSocket(url -> url.startsWith("ws"), ncaLayer -> {
			switch (connections.incrementAndGet()) {
				case 1 -> ncaLayer.close();
				case 2 -> {
					ncaLayer.send("{\"result\":{\"version\":\"1.4\"}}");
					ncaLayer.onMessage(request -> ncaLayer.send("{\"status\":true,\"body\":{}}"));
				}
				default -> ncaLayer.connectToServer();
			}
		});
		page.navigate("/elorda/apply");
		assertThat(page).hasURL(Pattern.compile(".*/cabinet/login\\?next=%2Felorda%2Fapply$"));
		page.getByLabel("Дербес шот нөмірі").fill(NURSE_ACCOUNT);
		page.getByLabel("ЖСН", new Page.GetByLabelOptions().setExact(true)).fill(NURSE_IIN);
		button(page, "Жалғастыру").click();
		page.getByLabel("Құпиясөз").fill(PASSWORD);
		button(page, "Кіру").click();

		// in Kazakh: the category, the sphere and the loan, then the employment
		assertThat(page.locator("h1")).hasText("Қатысуға өтінім");
		assertStep(page, "Санат");
		Browser.check(page, "elorda-apply-category-kk");
		button(page, "Сақтау және жалғастыру").click();
		assertThat(page.getByRole(AriaRole.ALERT)).containsText("Деректерді тексеріңіз");
		Browser.check(page, "elorda-apply-category-refused-kk");
		page.getByLabel("Санат", new Page.GetByLabelOptions().setExact(true)).selectOption("HEALTHCARE");
		page.getByLabel("Жұмыс істейтін салаңыз").selectOption("HEALTHCARE");
		page.getByLabel("Қарыз сомасы, теңге").fill("15 000 000");
		button(page, "Сақтау және жалғастыру").click();

		assertStep(page, "Жұмыс");
		page.getByLabel("Ұйым", new Page.GetByLabelOptions().setExact(true)).fill("ГКП на ПХВ «Городская больница № 1»");
		page.getByLabel("Ұйымның БСН").fill("090440001236");
		page.getByLabel("Лауазымы").fill("медицинская сестра");
		page.getByLabel("Қай жерде жұмыс істейсіз").selectOption("ASTANA");
		page.getByLabel("Астанада осы салада жұмыс істейсіз").fill("2020-02-01");
		page.getByLabel("Мемлекеттік ұйым").selectOption("true");
		page.getByLabel("Бейінді маман").selectOption("true");
		page.getByLabel("Қазір бала күтіміне байланысты демалыста").selectOption("false");
		Browser.check(page, "elorda-apply-employment-kk");
		button(page, "Сақтау және жалғастыру").click();

		// the rest in Russian: the draft is saved, so switching the language loses nothing
		assertStep(page, "Білім");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Русский")).click();
		assertStep(page, "Образование");
		page.getByLabel("Образование", new Page.GetByLabelOptions().setExact(true)).selectOption("VOCATIONAL");
		page.getByLabel("Образование соответствует сфере работы").selectOption("true");
		button(page, "Сохранить и продолжить").click();

		assertStep(page, "Личные данные и прописка");
		page.getByLabel("Фамилия, имя, отчество").fill("Ахметов Данияр Ерланович");
		page.getByLabel("Где вы прописаны").selectOption("ASTANA");
		page.getByLabel("Прописка постоянная").selectOption("true");
		page.getByLabel("Прописаны с").fill("2018-05-01");
		Browser.check(page, "elorda-apply-registration-ru");
		button(page, "Сохранить и продолжить").click();

		assertStep(page, "Семья");
		button(page, "Добавить ребёнка").click();
		Locator child = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Ребёнок 1"));
		child.getByLabel("ИИН").fill(CHILD_IIN);
		assertThat(child).containsText("Дата рождения по ИИН: 14 мая 2020");
		child.getByLabel("Фамилия, имя, отчество").fill("Ахметова Алия");
		child.getByLabel("Прописка постоянная").selectOption("true");
		Browser.check(page, "elorda-apply-family-ru");
		button(page, "Сохранить и продолжить").click();

		assertStep(page, "Доход за 6 месяцев");
		Locator months = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Доход семьи за каждый месяц, тенге"))
			.getByRole(AriaRole.TEXTBOX);
		assertThat(months).hasCount(6);
		for (int i = 0; i < 6; i++) {
			months.nth(i).fill(String.valueOf(280_000 + 1_000 * i));
		}
		button(page, "Сохранить и продолжить").click();

		assertStep(page, "Депозиты");
		button(page, "Добавить депозит").click();
		page.getByLabel("Остаток, тенге").fill("1600000");
		Browser.check(page, "elorda-apply-deposits-ru");
		button(page, "Сохранить и продолжить").click();

		assertStep(page, "Жильё");
		page.getByLabel("За последние 5 лет у семьи было жильё в собственности").selectOption("false");
		page.getByLabel("За последние 5 лет было арендное жильё с выкупом").selectOption("false");
		page.getByLabel("Это было только аварийное саманное или камышитовое жильё").selectOption("false");
		button(page, "Сохранить и продолжить").click();

		assertStep(page, "Контакты");
		page.getByLabel("Мобильный телефон").fill("+77011234567");
		button(page, "Сохранить и продолжить").click();

		// the documents the intake asks of this family: eight of his and the certificate of no property of the child
		assertStep(page, "Документы");
		Locator needed = page.locator("fieldset.upload");
		assertThat(needed).hasCount(9);
		Browser.check(page, "elorda-apply-documents-ru");
		for (int left = 9; left > 0; left--) {
			Locator first = needed.first();
			first.getByLabel("Файл").setInputFiles(new FilePayload("scan.pdf", "application/pdf", PDF));
			first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Загрузить"))).click();
			assertThat(needed).hasCount(left - 1);
		}
		assertThat(page.getByText("Все документы на месте. Можно подписывать.")).isVisible();
		assertThat(page.locator("table tbody tr")).hasCount(9);
		Browser.check(page, "elorda-apply-documents-complete-ru");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Перейти к подписи")).click();

		assertStep(page, "Подпись и подача");
		assertThat(page.getByText("Ахметов Данияр Ерланович, ИИН " + NURSE_IIN)).isVisible();
		Browser.check(page, "elorda-apply-signing-ru");
		button(page, "Подписать ЭЦП и подать").click();
		assertThat(page.getByRole(AriaRole.ALERT)).containsText("NCALayer недоступен");
		button(page, "Подписать ЭЦП и подать").click();
		assertThat(page.getByRole(AriaRole.ALERT)).containsText("Подписание отменено");
		Browser.check(page, "elorda-apply-signing-cancelled-ru");
		button(page, "Подписать ЭЦП и подать").click();

		// submitted: no more editing, and the timeline from the intake
		assertThat(page.locator("h1")).hasText(Pattern.compile("Заявка EZ-\\d{4}-\\d{6}"));
		assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("подана и подписана")))
			.isVisible();
		assertThat(page.locator(".badge").first()).hasText("Подана");
		assertThat(page.locator("ol.timeline li").first()).containsText("подан");
		Browser.check(page, "elorda-application-ru");
		String application = page.url();

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Қазақша")).click();
		assertThat(page.locator("h1")).hasText(Pattern.compile("EZ-\\d{4}-\\d{6} өтінімі"));
		assertThat(page.locator("ol.timeline li")).not().hasCount(0);
		Browser.check(page, "elorda-application-kk");

		page.navigate("/elorda/apply");
		assertThat(page.getByText("Берілген өтінімді өзгертуге болмайды.")).isVisible();
		page.navigate("/elorda/my");
		assertThat(page.locator("h1")).hasText("Менің өтінімдерім");
		Browser.check(page, "elorda-my-kk");

		// must not: another citizen opens his address and learns nothing
		Page other = PortalSuite.browser().phone("ru-RU");
		other.navigate(application.substring(application.indexOf("/elorda/")));
		other.getByLabel("Номер лицевого счёта").fill(OTHER_ACCOUNT);
		other.getByLabel("ИИН", new Page.GetByLabelOptions().setExact(true)).fill(OTHER_IIN);
		button(other, "Продолжить").click();
		other.getByLabel("Пароль").fill(OTHER_PASSWORD);
		button(other, "Войти").click();
		assertThat(other.locator("h1")).hasText("Заявка не найдена");
		Browser.check(other, "elorda-application-not-found-ru");
	}

	@Test
	void anybodyReadsTheTermsCalculatesAndSeesTheCountersAndLists() {
		Page page = PortalSuite.browser().phone("ru-RU");
		page.navigate("/");
		page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Главное меню"))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Елорда жастары")).click();
		assertThat(page.locator("h1")).hasText("Программа «Елорда жастары»");
		assertThat(page.getByText("не старше 35 лет включительно на день подачи")).isVisible();
		Browser.check(page, "elorda-terms-ru");

		page.getByLabel("Сумма займа, тенге").fill("25000000");
		button(page, "Рассчитать").click();
		assertThat(page.locator("#amount-error")).isVisible();
		assertThat(page.getByLabel("Сумма займа, тенге")).hasAttribute("aria-invalid", "true");
		Browser.check(page, "elorda-calculator-refused-ru");
		page.getByLabel("Сумма займа, тенге").fill("18000000");
		button(page, "Рассчитать").click();
		assertThat(page.getByText("Первые 96 месяцев", new Page.GetByTextOptions().setExact(false))).isVisible();
		assertThat(page.getByText("Следующие 60 месяцев", new Page.GetByTextOptions().setExact(false))).isVisible();
		assertThat(page.locator("#amount-error")).hasCount(0);
		assertThat(page).hasURL(Pattern.compile(".*/elorda\\?amount=18000000$"));
		Browser.check(page, "elorda-calculator-ru");

		section(page, "Счётчики").click();
		assertThat(page.locator("h1")).hasText("Поданные заявки");
		assertThat(page.locator("tbody tr")).hasCount(11);
		Browser.check(page, "elorda-counters-ru");

		section(page, "Списки очерёдности").click();
		assertThat(page.locator("h1")).hasText("Списки очерёдности");
		assertThat(page.locator("tbody tr").first()).containsText("90********10");
		Browser.check(page, "elorda-lists-ru");
		page.getByLabel("Категория").selectOption("EDUCATION");
		page.getByLabel("Строк на странице").selectOption("20");
		button(page, "Показать").click();
		assertThat(page).hasURL(Pattern.compile(".*category=EDUCATION.*"));
		assertThat(page.locator("tbody tr")).not().hasCount(0);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Қазақша")).click();
		assertThat(page.locator("h1")).hasText("Кезек тізімдері");
		Browser.check(page, "elorda-lists-kk");
	}

	@Test
	void thePreCheckExplainsEachCriterion() {
		Page page = PortalSuite.browser().phone("kk-KZ");
		page.navigate("/elorda/pre-check");
		assertThat(page.locator("h1")).hasText("Бағдарламаға сәйкестігімді тексеру");
		Browser.check(page, "elorda-pre-check-kk");
		page.getByLabel("ЖСН", new Page.GetByLabelOptions().setExact(true)).fill(NURSE_IIN);
		page.getByLabel("Астанада тұрақты тіркелгенсіз").selectOption("true");
		page.getByLabel("Тіркелген күні").fill("2018-05-01");
		page.getByLabel("Санат", new Page.GetByLabelOptions().setExact(true)).selectOption("HEALTHCARE");
		page.getByLabel("Қарыз сомасы, теңге").fill("15000000");
		page.getByLabel("Астанада жұмыс істейсіз").selectOption("true");
		page.getByLabel("Мемлекеттік ұйым").selectOption("true");
		page.getByLabel("Бейінді маман").selectOption("true");
		page.getByLabel("Астанада осы салада жұмыс істейсіз").fill("2020-02-01");
		page.getByLabel("Білімі", new Page.GetByLabelOptions().setExact(true)).selectOption("VOCATIONAL");
		page.getByLabel("Білімі жұмыс саласына сәйкес").selectOption("true");
		page.getByLabel("Отбасының айлық табысы, теңге").fill("280000");
		page.getByLabel("Отбасының Отбасы банкіндегі депозиттері, теңге").fill("1000000");
		button(page, "Тексеру").click();

		// 1,000,000 is under 10 % of 15,000,000: E4 is not met, and says so
		assertThat(page.locator("#pre-check-outcome")).hasText("Сіз әзірге бағдарлама шарттарына сәйкес келмейсіз");
		assertThat(page.locator("ul.criteria li").filter(new Locator.FilterOptions().setHasText("E4")))
			.containsText("Орындалмады");
		assertThat(page.locator("ul.criteria li").filter(new Locator.FilterOptions().setHasText("E2")))
			.containsText("Орындалды");
		Browser.check(page, "elorda-pre-check-answer-kk");
	}

	/** The wizard's current step, whose name is followed by where it is among the steps, for screen readers. */
	private static void assertStep(Page page, String name) {
		assertThat(page.locator("ol.steps li[aria-current=step]")).hasText(Pattern.compile("^" + name + " \\("));
	}

	/** A link of the programme's own menu. */
	private static Locator section(Page page, String name) {
		return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Разделы программы «Елорда жастары»"))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name));
	}

	private static Locator button(Page page, String name) {
		return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	/** Eleven digits and their check digit (DOMAIN: weights 1…11, or 3…11, 1, 2 when the first sum leaves 10). */
	private static String iin(String eleven) {
		return Iin.completed(eleven).orElseThrow(() -> new IllegalArgumentException("no IIN with these digits: " + eleven));
	}
}
