// What the Elorda Zhastary screens share: the categories' and documents' names, the status badges, the dates an IIN
// tells, and the paths of the APIs.
import { html } from '../../lit.js';
import { lang, t } from '../../i18n.js';

export const ELORDA = '/api/elorda/v1';
export const SCORING = '/api/scoring/v1';
export const PROGRAMME = 'elorda-zhastary';

/** The intake's categories (ProgrammeCategory), in the programme's order. */
export const CATEGORIES = ['HEALTHCARE', 'EDUCATION', 'CULTURE', 'SPORT', 'SOCIAL_PROTECTION',
	'UNIVERSITIES_AND_RESEARCH', 'MEDIA', 'MUNICIPAL_ENTERPRISES', 'POLICE', 'EMERGENCY', 'ORPHANS'];

/** The scoring service names three categories shorter; the lists and the pre-check use its names. */
const SCORING_NAMES = { SOCIAL_PROTECTION: 'SOCIAL', UNIVERSITIES_AND_RESEARCH: 'UNIVERSITIES_RESEARCH',
	MUNICIPAL_ENTERPRISES: 'MUNICIPAL' };

export function scoringCategory(category) {
	return SCORING_NAMES[category] ?? category;
}

export function intakeCategory(scoring) {
	return Object.entries(SCORING_NAMES).find(([, short]) => short === scoring)?.[0] ?? scoring;
}

export function categoryName(category) {
	return category ? t(`elorda.category.${intakeCategory(category)}`) : '—';
}

export function documentName(type) {
	return t(`elorda.document.${type}`);
}

const STATUS_BADGE = { DRAFT: 'warn', SUBMITTED: '', VERIFIED: 'ok', REJECTED: 'error' };

/** An application's status as a badge: the word says it, the colour only repeats it. */
export function statusBadge(status) {
	return html`<span class="badge ${STATUS_BADGE[status] ?? ''}">${t(`elorda.status.${status}`)}</span>`;
}

/** The birth date an IIN tells (DOMAIN: YYMMDD, the 7th digit the century), ISO; null when it tells none. */
export function birthDateOf(iin) {
	if (!/^\d{12}$/.test(iin ?? '')) {
		return null;
	}
	const century = { 1: 1800, 2: 1800, 3: 1900, 4: 1900, 5: 2000, 6: 2000 }[iin[6]];
	if (!century) {
		return null;
	}
	const year = century + Number(iin.slice(0, 2));
	const iso = `${year}-${iin.slice(2, 4)}-${iin.slice(4, 6)}`;
	const day = new Date(`${iso}T00:00:00Z`);
	return Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** Whether the IIN's check digit is right (DOMAIN: weights 1…11, then 3…11, 1, 2). */
export function validIin(iin) {
	if (!/^\d{12}$/.test(iin ?? '')) {
		return false;
	}
	const digits = [...iin].map(Number);
	const sum = first => digits.slice(0, 11).reduce((total, digit, i) => total + digit * (((first - 1 + i) % 11) + 1), 0) % 11;
	let check = sum(1);
	if (check === 10) {
		check = sum(3);
	}
	return check !== 10 && check === digits[11];
}

/** Today in Astana, ISO. */
export function today() {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());
}

/** A number the person typed (spaces and a decimal comma allowed); null when empty, NaN when not a number. */
export function amount(text) {
	const cleaned = String(text ?? '').replace(/[\s\u00a0]/g, '').replace(',', '.');
	return cleaned === '' ? null : (/^\d+(\.\d{1,2})?$/.test(cleaned) ? Number(cleaned) : NaN);
}

/** The links between the programme's screens. */
export function elordaNav(current) {
	const links = [['/elorda', 'elorda.nav.terms'], ['/elorda/pre-check', 'elorda.nav.preCheck'],
		['/elorda/apply', 'elorda.nav.apply'], ['/elorda/my', 'elorda.nav.my'], ['/elorda/counters', 'elorda.nav.counters'],
		['/elorda/lists', 'elorda.nav.lists']];
	return html`<nav class="subnav" aria-label="${t('elorda.nav.label')}"><ul>${links.map(([href, key]) => html`<li>
		<a href="${href}" aria-current="${href === current ? 'page' : 'false'}">${t(key)}</a></li>`)}</ul></nav>`;
}

const COUNTRIES = ['KZ', 'RU', 'KG', 'UZ', 'TJ', 'TM', 'CN', 'TR'];

/** Citizenships to choose from, named in the page's language. */
export function countryChoices() {
	const names = new Intl.DisplayNames([lang()], { type: 'region' });
	return COUNTRIES.map(code => [code, names.of(code)]);
}
