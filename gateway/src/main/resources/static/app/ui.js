// The portal's building blocks, accessible by construction: every control has its label, its hint and its error tied
// to it (aria-describedby, aria-invalid), refusals are announced (role="alert") and list the fields they name as links.
import { html, live, nothing } from './lit.js';
import { t } from './i18n.js';

function describedBy(name, hint, error) {
	return [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ') || nothing;
}

function messages(name, hint, error) {
	return html`${hint ? html`<span class="hint" id="${name}-hint">${hint}</span>` : nothing}${error
		? html`<span class="error-message" id="${name}-error"><span class="visually-hidden">${t('ui.error')}: </span>${error}</span>`
		: nothing}`;
}

/**
 * A labelled input. options: name (also the id), label, value, type, hint, error, required, autocomplete, inputmode,
 * pattern, maxlength, min, max, step, onInput (value => …), className.
 */
export function input(options) {
	const { name, label, hint, error } = options;
	return html`<div class="field ${error ? 'has-error' : ''}">
		<label for="${name}">${label}${options.required ? nothing : html` <span class="muted">(${t('ui.optional')})</span>`}</label>
		${messages(name, hint, error)}
		<input id="${name}" name="${name}" type="${options.type ?? 'text'}" class="${options.className ?? ''}"
			.value="${live(options.value ?? '')}" ?required="${options.required}"
			autocomplete="${options.autocomplete ?? nothing}" inputmode="${options.inputmode ?? nothing}"
			pattern="${options.pattern ?? nothing}" maxlength="${options.maxlength ?? nothing}"
			min="${options.min ?? nothing}" max="${options.max ?? nothing}" step="${options.step ?? nothing}"
			aria-invalid="${error ? 'true' : 'false'}" aria-describedby="${describedBy(name, hint, error)}"
			@input="${options.onInput ? (event) => options.onInput(event.target.value) : nothing}">
	</div>`;
}

/** A labelled text area, as input: name (also the id), label, value, hint, error, required, maxlength, onInput. */
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

/** A labelled select of [value, text] choices. */
export function select(options) {
	const { name, label, hint, error, choices } = options;
	return html`<div class="field ${error ? 'has-error' : ''}">
		<label for="${name}">${label}</label>
		${messages(name, hint, error)}
		<select id="${name}" name="${name}" ?required="${options.required}"
			aria-invalid="${error ? 'true' : 'false'}" aria-describedby="${describedBy(name, hint, error)}"
			@change="${options.onChange ? (event) => options.onChange(event.target.value) : nothing}">
			${choices.map(([value, text]) => html`<option value="${value}" ?selected="${String(value) === String(options.value ?? '')}">${text}</option>`)}
		</select>
	</div>`;
}

/** A checkbox with its label after it. */
export function checkbox(options) {
	const { name, label, hint, error } = options;
	return html`<div class="field ${error ? 'has-error' : ''}">
		${messages(name, hint, error)}
		<div class="choice">
			<input id="${name}" name="${name}" type="checkbox" .checked="${live(Boolean(options.checked))}"
				?required="${options.required}" aria-invalid="${error ? 'true' : 'false'}"
				aria-describedby="${describedBy(name, hint, error)}"
				@change="${options.onChange ? (event) => options.onChange(event.target.checked) : nothing}">
			<label for="${name}">${label}</label>
		</div>
	</div>`;
}

/**
 * What the API refused, at the top of a form: its title and detail, and each field it named as a link to that field.
 * labels maps the API's field names to the form's labels (and ids: the field name is the id).
 */
export function problemSummary(problem, labels = {}) {
	if (!problem) {
		return nothing;
	}
	const fields = Object.entries(problem.fields ?? {});
	return html`<div class="alert" role="alert" tabindex="-1" id="problem">
		<h2>${problem.title}</h2>
		${problem.detail ? html`<p>${problem.detail}</p>` : nothing}
		${fields.length ? html`<ul>${fields.map(([field, message]) => html`<li>${labels[field]
			? html`<a href="#${field}">${labels[field]}</a>: ` : nothing}${message}</li>`)}</ul>` : nothing}
	</div>`;
}

/** After a refusal is drawn: the summary takes the focus, so that it is read out and the fields are a Tab away. */
export function focusProblem() {
	requestAnimationFrame(() => document.getElementById('problem')?.focus());
}

/** After an answer is drawn: its refusal takes the focus (as focusProblem), or else the element telling the result. */
export function focusAnswer(problem, resultId) {
	requestAnimationFrame(() => document.getElementById(problem ? 'problem' : resultId)?.focus());
}

/** A short status while something loads, read out politely. */
export function loading() {
	return html`<p role="status" class="muted">${t('ui.loading')}</p>`;
}

/** Pages of a list as links (bookmarkable): href(page) gives each page's address; pages count from 0. */
export function pager({ page, size, total, href, label }) {
	const pages = Math.max(1, Math.ceil(total / size));
	if (pages <= 1) {
		return nothing;
	}
	const shown = [...new Set([0, page - 2, page - 1, page, page + 1, page + 2, pages - 1])]
		.filter(p => p >= 0 && p < pages)
		.sort((a, b) => a - b);
	return html`<nav class="pager" aria-label="${label ?? t('ui.pages')}">
		<ul>
			${page > 0 ? html`<li><a href="${href(page - 1)}" rel="prev">${t('ui.previous')}</a></li>` : nothing}
			${shown.map(p => html`<li>${p === page
				? html`<span aria-current="page"><span class="visually-hidden">${t('ui.page')} </span>${p + 1}</span>`
				: html`<a href="${href(p)}"><span class="visually-hidden">${t('ui.page')} </span>${p + 1}</a>`}</li>`)}
			${page < pages - 1 ? html`<li><a href="${href(page + 1)}" rel="next">${t('ui.next')}</a></li>` : nothing}
		</ul>
		<span class="muted">${t('ui.pageOf', { page: page + 1, pages })}</span>
	</nav>`;
}

/** The values of a form's fields by name (the last one wins for repeated names). */
export function formValues(form) {
	return Object.fromEntries(new FormData(form).entries());
}

/**
 * How many rows a page shows, as links (bookmarkable): href(size) gives the address with that size, back to the
 * first page. label names the choice (it is also the navigation's name).
 */
export function sizeChooser({ sizes, size, href, label }) {
	return html`<nav class="sizes" aria-label="${label}">
		<span class="muted" aria-hidden="true">${label}:</span>
		<ul>${sizes.map(choice => html`<li>${choice === size
			? html`<span aria-current="true">${choice}</span>`
			: html`<a href="${href(choice)}">${choice}</a>`}</li>`)}</ul>
	</nav>`;
}

/**
 * The tables of a drawn screen, ready to read as cards on a phone (app.css, "tables as cards"): each body and footer
 * cell gets its column's name (data-label: the visible text of the column's header), and every part of the table its
 * role explicitly (table, rowgroup, row, columnheader, rowheader, cell), because some browsers (Safari's VoiceOver)
 * drop a table's semantics once its parts are displayed as blocks. The router calls this after each drawing, so no
 * screen needs to; it only sets attributes that the screens' templates do not.
 */
export function cardTables(root) {
	for (const table of root.querySelectorAll('.table-scroll > table')) {
		const names = [...(table.tHead?.rows[0]?.cells ?? [])].flatMap(cell => Array(cell.colSpan).fill(visibleText(cell)));
		table.setAttribute('role', 'table');
		[table.tHead, ...table.tBodies, table.tFoot].forEach(group => group?.setAttribute('role', 'rowgroup'));
		for (const row of table.rows) {
			const heading = row.parentElement === table.tHead;
			row.setAttribute('role', 'row');
			let column = 0;
			for (const cell of row.cells) {
				cell.setAttribute('role', heading ? 'columnheader' : cell.tagName === 'TH' ? 'rowheader' : 'cell');
				if (!heading && names[column]) {
					cell.dataset.label = names[column];
				}
				else {
					delete cell.dataset.label;
				}
				column += cell.colSpan;
			}
		}
	}
}

/** An element's text as it is seen: without what only screen readers get (.visually-hidden). */
function visibleText(element) {
	const copy = element.cloneNode(true);
	copy.querySelectorAll('.visually-hidden').forEach(hidden => hidden.remove());
	return copy.textContent.replace(/\s+/g, ' ').trim();
}
