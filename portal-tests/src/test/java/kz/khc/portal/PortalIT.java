package kz.khc.portal;

import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's frame in a real browser against the whole suite: languages, the low-vision version, the citizen's
 * login, the staff's login on Keycloak's page, and who may open what.
 */
@ExtendWith(PortalSuite.class)
class PortalIT {

	static final String CITIZEN_ACCOUNT = "110000101182";
	static final String CITIZEN_IIN = "651106450323";
	static final String CITIZEN_PASSWORD = "Citizen-demo-1";



	@Test
	void theFrontPageSpeaksRussianAndKazakhAndKeepsTheChoice() {
		Page page = PortalSuite.browser().phone("ru-RU");
		page.navigate("/");
		assertThat(page.locator("h1")).hasText("Жильё для жителей Астаны");
		assertThat(page.locator("html")).hasAttribute("lang", "ru");
		Browser.check(page, "home-ru");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Қазақша")).click();

		assertThat(page.locator("h1")).hasText("Астана тұрғындарына арналған тұрғын үй");
		assertThat(page.locator("html")).hasAttribute("lang", "kk");
		Browser.check(page, "home-kk");
		page.reload();
		assertThat(page.locator("h1")).hasText("Астана тұрғындарына арналған тұрғын үй");
	}

	@Test
	void anUnknownScreenSaysSoInThePagesLanguage() {
		Page page = PortalSuite.browser().phone("kk-KZ");
		page.navigate("/cabinet/no-such-screen");

		assertThat(page.locator("h1")).hasText("Бет табылмады");
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Басты бет")).first()).isVisible();
		Browser.check(page, "not-found-kk");

		// an address outside the portal's areas: the same screen, and the status tells the browser it is not there
		Response response = page.navigate("/cabinet-x/no-such-screen?page=2");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.headers().get("content-security-policy"))
			.contains("script-src 'self'");
		assertThat(page.locator("h1")).hasText("Бет табылмады");
		Browser.check(page, "not-found-outside-kk");
	}

	@Test
	void theLowVisionVersionEnlargesTheTextInHighContrast() {
		Page page = PortalSuite.browser().phone("ru-RU");
		page.navigate("/");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Версия для слабовидящих")).click();

		assertThat(page.locator("html")).hasAttribute("data-size", "large");
		assertThat(page.locator("html")).hasAttribute("data-contrast", "high");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Белым по чёрному")).click();
		assertThat(page.locator("html")).hasAttribute("data-contrast", "inverted");
		Browser.check(page, "home-low-vision");
	}

	@Test
	void aCitizenLogsInWithAccountAndIinThenPasswordAndAWrongPasswordSaysHowManyTriesAreLeft() {
		Page page = PortalSuite.browser().phone("ru-RU");
		page.navigate("/cabinet/login");
		Browser.check(page, "login-account");
		page.getByLabel("Номер лицевого счёта").fill(CITIZEN_ACCOUNT);
		page.getByLabel("ИИН").fill(CITIZEN_IIN);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Продолжить")).click();

		page.getByLabel("Пароль").fill("Not-the-password-1");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Войти")).click();
		assertThat(page.getByRole(AriaRole.ALERT)).containsText("Осталось попыток");
		Browser.check(page, "login-refused");

		page.getByLabel("Пароль").fill(CITIZEN_PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Войти")).click();
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Выйти"))).isVisible();

		page.navigate("/staff");
		assertThat(page.locator("h1")).hasText("Нет доступа");
	}

	@Test
	void anOfficerSignsInOnKeycloaksPageAndComesBackToTheWorkplace() {
		Page page = PortalSuite.browser().phone("ru-RU");
		page.navigate("/staff");
		assertThat(page).hasURL(Pattern.compile(".*/staff/login\\?next=%2Fstaff$"));
		Browser.check(page, "staff-login");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Перейти ко входу")).click();

		// Keycloak's own page, in the portal's language
		assertThat(page.locator("html")).hasAttribute("lang", "ru");
		page.locator("#username").fill("akimat.officer");
		page.locator("#password").fill("Akimat-demo-1");
		page.locator("#kc-login").click();

		assertThat(page).hasURL(Pattern.compile(".*/staff$"));
		assertThat(page.locator("h1")).hasText("Рабочее место сотрудника");
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Открыть заявки"))).isVisible();
		Browser.check(page, "staff-home");
	}
}
