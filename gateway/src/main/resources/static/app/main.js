// The portal's start: the texts of the chosen language, the header (menu, language, low-vision version, sign-out)
// and the footer, then the screen of the address.
import { html, nothing, render } from './lit.js';
import { LANGUAGES, lang, t, useLanguage } from './i18n.js';
import { current, displayName, logout, onChange, roles } from './session.js';
import { menu } from './routes.js';
import { navigate, onNavigated, show, start } from './router.js';

const VISION = 'portal.vision';
const LANGUAGE_NAMES = { ru: 'Русский', kk: 'Қазақша', en: 'English' };
const LANGUAGE_SHORT = { ru: 'Рус', kk: 'Қаз', en: 'Eng' };

/** The low-vision version: text size and colours, kept in this browser. */
function vision() {
	return JSON.parse(localStorage.getItem(VISION) ?? 'null') ?? { on: false, size: 'large', contrast: 'high' };
}

function applyVision(settings) {
	localStorage.setItem(VISION, JSON.stringify(settings));
	const root = document.documentElement;
	if (settings.on) {
		root.dataset.size = settings.size;
		root.dataset.contrast = settings.contrast;
	}
	else {
		delete root.dataset.size;
		delete root.dataset.contrast;
	}
	drawHeader();
}

function visionControls() {
	const settings = vision();
	const choice = (key, value, text) => html`<button type="button" aria-pressed="${settings[key] === value}"
		@click="${() => applyVision({ ...settings, [key]: value })}">${text}</button>`;
	return html`<div class="vision">
		<button type="button" aria-pressed="${settings.on}" @click="${() => applyVision({ ...settings, on: !settings.on })}">
			${t('vision.toggle')}</button>
	</div>
	${settings.on ? html`<div class="vision-panel">
		<fieldset><legend>${t('vision.size')}</legend>
			${choice('size', 'normal', 'A')}${choice('size', 'large', 'A+')}${choice('size', 'larger', 'A++')}</fieldset>
		<fieldset><legend>${t('vision.colours')}</legend>
			${choice('contrast', 'high', t('vision.blackOnWhite'))}${choice('contrast', 'inverted', t('vision.whiteOnBlack'))}</fieldset>
	</div>` : nothing}`;
}

function visible(item) {
	if (item.anonymous) {
		return !current();
	}
	return !item.roles || item.roles.some(role => roles().includes(role));
}

function currentPage(href) {
	return href === '/' ? location.pathname === '/' : location.pathname.startsWith(href);
}

/** The menu's link of the current address: the longest that fits (/cabinet/faq rather than /cabinet). */
function currentItem(items) {
	return items.filter(item => currentPage(item.href)).sort((a, b) => b.href.length - a.href.length)[0];
}

async function signOut() {
	await logout();
	navigate('/');
}

async function switchLanguage(next) {
	await useLanguage(next);
	drawHeader();
	drawFooter();
	show({ focus: false });
}

function drawHeader() {
	const session = current();
	render(html`
		<div class="bar">
			<a class="brand" href="/">${t('app.name')}<small>${t('app.tagline')}</small></a>
			<div class="tools">
				<div class="languages" role="group" aria-label="${t('language.choose')}">
					${LANGUAGES.map(code => html`<button type="button" lang="${code}" aria-pressed="${code === lang()}"
						aria-label="${LANGUAGE_NAMES[code]}" @click="${() => switchLanguage(code)}">${LANGUAGE_SHORT[code]}</button>`)}
				</div>
				${session ? html`<span>${displayName()}</span>
					<button type="button" class="link" @click="${signOut}">${t('nav.logout')}</button>` : nothing}
			</div>
			${visionControls()}
		</div>
		<nav class="site-nav" aria-label="${t('nav.label')}">
			<ul>${menu.filter(visible).map((item, i, items) => html`<li><a href="${item.href}"
				aria-current="${item === currentItem(items) ? 'page' : nothing}">${t(item.text)}</a></li>`)}</ul>
		</nav>`, document.getElementById('header'));
}

function drawFooter() {
	render(html`<div>
		<p>${t('footer.company')}</p>
		<p>${t('footer.contact')}</p>
	</div>`, document.getElementById('footer'));
}

async function boot() {
	await useLanguage(lang());
	document.querySelector('.skip-link').textContent = t('nav.skip');
	applyVision(vision());
	drawFooter();
	onChange(drawHeader);
	onNavigated(drawHeader);
	await start();
}

boot();
