// What the akimat's and the bank's screens share: the programme's categories and their names, statuses as text in a
// badge (never by colour alone), deadlines with the days left, and files fetched with the officer's token.
import { html, nothing } from '../../lit.js';
import { date, t } from '../../i18n.js';
import { api } from '../../api.js';
import { intakeCategory, scoringCategory } from '../elorda/common.js';

export const CATEGORIES = ['HEALTHCARE', 'EDUCATION', 'CULTURE', 'SPORT', 'SOCIAL', 'UNIVERSITIES_RESEARCH', 'MEDIA',
	'MUNICIPAL', 'POLICE', 'EMERGENCY', 'ORPHANS'];

/** A category's name, by the scoring service's code or the intake's (which names three of them longer). */
export function categoryName(code) {
	return code ? t(`staff.category.${scoringCategory(code)}`) : '—';
}

/**
 * [value, text] choices of every category, with "all" first when allText is given; the values are the scoring
 * service's codes (the lists), or the intake's when intake is true (the applications).
 */
export function categoryChoices(allText, { intake = false } = {}) {
	const choices = CATEGORIES.map(code => [intake ? intakeCategory(code) : code, categoryName(code)]);
	return allText ? [['', allText], ...choices] : choices;
}

/** A status word in a badge: kind ok, error, warn or none. */
export function badge(text, kind) {
	return html`<span class="badge ${kind ?? ''}">${text}</span>`;
}

/**
 * A deadline with the days left as text: "3 days left", "today", "overdue by 2 days". working: working days (the
 * akimat's verification), else calendar days (the bank's).
 */
export function deadline(day, left, { working = false } = {}) {
	if (!day) {
		return html`—`;
	}
	const unit = working ? 'staff.deadline.working' : 'staff.deadline.days';
	let status = nothing;
	if (left !== null && left !== undefined) {
		status = left < 0 ? badge(t(`${unit}.overdue`, { count: -left }), 'error')
			: left === 0 ? badge(t('staff.deadline.today'), 'warn')
				: badge(t(`${unit}.left`, { count: left }), left <= 3 ? 'warn' : 'ok');
	}
	return html`${date(day)} ${status}`;
}

/** The file's name from Content-Disposition, or the fallback. */
function fileName(response, fallback) {
	const disposition = response.headers.get('Content-Disposition') ?? '';
	const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
	if (star) {
		return decodeURIComponent(star[1]);
	}
	const plain = /filename="?([^";]+)"?/i.exec(disposition);
	return plain ? plain[1] : fallback;
}

/**
 * Fetches a file of the API with the officer's token and hands it to the browser as a download (a blob link): a
 * plain link could not carry the token. Throws the API's Problem.
 */
export async function download(path, fallbackName) {
	const response = await api(path, { accept: 'response' });
	const blob = await response.blob();
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName(response, fallbackName);
	link.hidden = true;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
	return link.download;
}

/** Yes or no as words. */
export function yesNo(value) {
	return value === null || value === undefined ? '—' : t(value ? 'staff.yes' : 'staff.no');
}
