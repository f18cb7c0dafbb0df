// The portal's texts in Russian, Kazakh and English (static/i18n/<language>.json, the same keys in each), and the
// formats of numbers, money and dates in the chosen language. The API is asked in the same language
// (Accept-Language), so that its problems read alike.

export const LANGUAGES = ['ru', 'kk', 'en'];
const STORED = 'portal.language';

let language = chosen();
let texts = {};

function chosen() {
	const stored = localStorage.getItem(STORED);
	if (LANGUAGES.includes(stored)) {
		return stored;
	}
	const browser = (navigator.languages || [navigator.language]).map(tag => (tag || '').slice(0, 2));
	return browser.find(tag => LANGUAGES.includes(tag)) || 'ru';
}

export function lang() {
	return language;
}

/** Loads the texts of a language and makes it the page's. */
export async function useLanguage(next) {
	const answer = await fetch(`/i18n/${next}.json`);
	texts = await answer.json();
	language = next;
	localStorage.setItem(STORED, next);
	document.documentElement.lang = next;
}

/** The text under a key, with {name} placeholders filled from params; the key itself if it has no text. */
export function t(key, params = {}) {
	const text = texts[key];
	if (text === undefined) {
		console.warn('no text for', key, 'in', language);
		return key;
	}
	return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** The language's locale for Intl: Kazakhstan's conventions in each. */
function locale() {
	return { ru: 'ru-KZ', kk: KAZAKH_NUMBERS ? 'kk-KZ' : 'ru-KZ', en: 'en-KZ' }[language];
}

/**
 * Whether this browser's Intl has Kazakh formats (Chromium's ICU data leaves them out: dates come out as "2024 M12 20"
 * and money as "KZT 1,000.00"). Without them, numbers follow Russian's formats (Kazakhstan writes them alike) and
 * dates take their month names from here.
 */
const KAZAKH_NUMBERS = new Intl.NumberFormat('kk-KZ', { style: 'currency', currency: 'KZT' }).format(1).includes('₸');
const KAZAKH_DATES = new Intl.DateTimeFormat('kk-KZ', { month: 'long', timeZone: 'UTC' })
	.format(new Date(Date.UTC(2024, 11, 15))).toLowerCase() === 'желтоқсан';
const KAZAKH_MONTHS = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан',
	'қараша', 'желтоқсан'];

function kazakhDate(year, month, day) {
	return `${day} ${KAZAKH_MONTHS[month - 1]} ${year} ж.`;
}

export function money(amount) {
	if (amount === null || amount === undefined) {
		return '—';
	}
	return new Intl.NumberFormat(locale(), { style: 'currency', currency: 'KZT', maximumFractionDigits: 2 })
		.format(Number(amount));
}

export function number(value, fractionDigits = 0) {
	return new Intl.NumberFormat(locale(), { maximumFractionDigits: fractionDigits }).format(Number(value));
}

/** A date (ISO yyyy-mm-dd) as the language writes it; the calendar day, not shifted by time zones. */
export function date(iso) {
	if (!iso) {
		return '—';
	}
	const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
	if (language === 'kk' && !KAZAKH_DATES) {
		return kazakhDate(year, month, day);
	}
	return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
		.format(new Date(Date.UTC(year, month - 1, day)));
}

/** An instant in Astana's time, where the programme runs. */
export function dateTime(iso) {
	if (!iso) {
		return '—';
	}
	if (language === 'kk' && !KAZAKH_DATES) {
		const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'numeric',
			day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Almaty' })
			.formatToParts(new Date(iso)).map(part => [part.type, part.value]));
		return `${kazakhDate(parts.year, Number(parts.month), Number(parts.day))}, ${parts.hour}:${parts.minute}`;
	}
	return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Almaty' })
		.format(new Date(iso));
}

/** A date (ISO yyyy-mm-dd) as Kazakhstan writes it in tables, dd.mm.yyyy, in every language. */
export function shortDate(iso) {
	if (!iso) {
		return '—';
	}
	const [year, month, day] = iso.slice(0, 10).split('-');
	return `${day}.${month}.${year}`;
}
