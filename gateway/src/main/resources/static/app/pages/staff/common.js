// What the akimat's and the bank's screens share: the programme's categories and their names, statuses as text in a
// badge (never by colour alone), deadlines with the days left, and files fetched with the officer's token.
import { html, nothing } from '../../lit.js';
import { date, t } from '../../i18n.js';
import { api } from '../../api.js';

export const CATEGORIES = ['HEALTHCARE', 'EDUCATION', 'CULTURE', 'SPORT', 'SOCIAL', 'UNIVERSITIES_RESEARCH', 'MEDIA',
	'MUNICIPAL', 'POLICE', 'EMERGENCY', 'ORPHANS'];

export function categoryName(code) {
	return code ? t(`staff.category.${code}`) : '—';
}

/** [value, text] choices of every category, with "all" first when allText is given. */
export function categoryChoices(allText) {
	const choices = CATEGORIES.map(code => [code, categoryName(code)]);
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

function describedBy(name, hint, error) {
	return [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ') || nothing;
}

function messages(name, hint, error) {
	return html`${hint ? html`<span class="hint" id="${name}-hint">${hint}</span>` : nothing}${error
		? html`<span class="error-message" id="${name}-error"><span class="visually-hidden">${t('ui.error')}: </span>${error}</span>`
		: nothing}`;
}

/** A labelled text area, as ui.js's input: name (also the id), label, value, hint, error, required, maxlength, onInput. */
export function textarea(options) {
	const { name, label, hint, error } = options;
	return html`<div class="field ${error ? 'has-error' : ''}">
		<label for="${name}">${label}${options.required ? nothing : html` <span class="muted">(${t('ui.optional')})</span>`}</label>
		${messages(name, hint, error)}
		<textarea id="${name}" name="${name}" rows="4" maxlength="${options.maxlength ?? nothing}" ?required="${options.required}"
			.value="${options.value ?? ''}" aria-invalid="${error ? 'true' : 'false'}"
			aria-describedby="${describedBy(name, hint, error)}"
			@input="${options.onInput ? event => options.onInput(event.target.value) : nothing}"></textarea>
	</div>`;
}

/** A group of radio buttons with its legend: name, legend, choices [[value, text]], value, error, onChange. */
export function radios(options) {
	const { name, legend, error } = options;
	return html`<fieldset id="${name}" class="field ${error ? 'has-error' : ''}" aria-describedby="${describedBy(name, null, error)}">
		<legend>${legend}</legend>
		${messages(name, null, error)}
		${options.choices.map(([value, text]) => html`<div class="choice">
			<input type="radio" id="${name}-${value}" name="${name}" value="${value}" .checked="${options.value === value}"
				@change="${() => options.onChange?.(value)}">
			<label for="${name}-${value}">${text}</label>
		</div>`)}
	</fieldset>`;
}

/** Yes or no as words. */
export function yesNo(value) {
	return value === null || value === undefined ? '—' : t(value ? 'staff.yes' : 'staff.no');
}
