package kz.khc.portal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's Chromium, headless, driven by Playwright (never a browser of its own: its downloads are blocked here), with
 * the flags that work as root on our machines (../shared/TOOLCHAIN.md). Each {@link #phone} is a fresh browser
 * profile 360 px wide, as most citizens see the portal; {@link #check} saves a screenshot to
 * {@code target/screenshots} and asserts that axe-core finds no WCAG 2.1 A/AA violation on the page.
 */
final class Browser implements AutoCloseable {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");
	private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
	/** Script errors of each page so far. */
	private static final Map<Page, List<String>> PAGE_ERRORS = new ConcurrentHashMap<>();

	private final Playwright playwright;
	private final com.microsoft.playwright.Browser chromium;
	private final String baseUrl;

	Browser(String baseUrl) {
		this.baseUrl = baseUrl;
		this.playwright = Playwright.create(new Playwright.CreateOptions()
			.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		this.chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
			.setExecutablePath(Path.of("/usr/bin/chromium"))
			.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync")));
	}

	/** A new browser profile (no cookies, no storage) on a 360 × 740 phone screen, its pages' errors collected. */
	Page phone(String locale) {
		BrowserContext context = chromium.newContext(new NewContextOptions()
			.setBaseURL(baseUrl)
			.setViewportSize(360, 740)
			.setDeviceScaleFactor(1)
			.setLocale(locale)
			.setTimezoneId("Asia/Almaty"));
		context.setDefaultTimeout(15_000);
		Page page = context.newPage();
		List<String> errors = new ArrayList<>();
		page.onPageError(errors::add);
		page.onConsoleMessage(message -> {
			if (message.type().equals("error") && !message.text().startsWith("Failed to load resource")) {
				errors.add(message.text());
			}
		});
		PAGE_ERRORS.put(page, errors);
		return page;
	}

	/**
	 * The screen as it is now: a full-page screenshot {@code target/screenshots/<name>.png}, no script errors so far,
	 * no horizontal scrolling at the phone's width, and no WCAG 2.1 A/AA violation axe-core can find.
	 */
	static void check(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve(name + ".png")));
		assertThat(PAGE_ERRORS.getOrDefault(page, List.of())).as("script errors on " + page.url()).isEmpty();
		Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
		assertThat(((Number) overflow).intValue()).as("horizontal scrolling on " + page.url() + " (" + name + ")")
			.isLessThanOrEqualTo(0);
		List<Rule> violations = new AxeBuilder(page).withTags(WCAG_21_AA).analyze().getViolations();
		assertThat(violations).as("accessibility of " + page.url() + " (" + name + ")")
			.extracting(rule -> rule.getId() + ": " + rule.getHelp() + " at "
					+ rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList())
			.isEmpty();
	}

	@Override
	public void close() {
		chromium.close();
		playwright.close();
	}
}
