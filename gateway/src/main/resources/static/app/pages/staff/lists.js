// The akimat's ranked lists (DOMAIN S4, A1–A3): an edition's list of a category with the ties flagged, its quota,
// issuing directions to the top up to the free places, the list's directions with their deadlines, the exports
// (CSV, XLSX; each audited) and the list's audit trail. Edition, category and pages live in the address.
import { html, nothing } from '../../lit.js';
import { date, dateTime, number, t } from '../../i18n.js';
import { api, query } from '../../api.js';
import { focusAnswer, focusProblem, input, loading, pager, problemSummary, select } from '../../ui.js';
import { badge, categoryChoices, categoryName, download } from './common.js';

const PROGRAMME = 'elorda-zhastary';
const SIZE = 50;
const AUDIT_SIZE = 20;

export function directionStatusBadge(status) {
	const kind = { ISSUED: 'warn', VISITED: 'warn', QUALIFIED: 'ok', HOUSING_CHOSEN: 'ok', LOAN_ISSUED: 'ok',
		FAILED: 'error', EXPIRED: 'error', ANNULLED: 'error' }[status];
	return badge(t(`staff.directionStatus.${status}`), kind);
}

export function auditAction(action) {
	const known = ['quota.set', 'list.exported', 'direction.issued', 'direction.visited', 'direction.qualification_passed',
		'direction.qualification_failed', 'direction.housing_chosen', 'direction.loan_issued', 'direction.expired',
		'direction.annulled'];
	return known.includes(action) ? t(`staff.audit.action.${action}`) : action;
}

/** An audit trail's page as a table. */
export function auditTable(trail, caption) {
	if (trail.items.length === 0) {
		return html`<p>${t('staff.audit.none')}</p>`;
	}
	return html`<div class="table-scroll" tabindex="0" role="region" aria-label="${caption}"><table>
		<caption>${caption}</caption>
		<thead><tr><th scope="col">${t('staff.audit.when')}</th><th scope="col">${t('staff.audit.who')}</th>
			<th scope="col">${t('staff.audit.what')}</th><th scope="col">${t('staff.audit.details')}</th></tr></thead>
		<tbody>${trail.items.map(entry => html`<tr><td>${dateTime(entry.occurredAt)}</td><td>${entry.actor}</td>
			<th scope="row">${auditAction(entry.action)}</th><td>${entry.reason}</td></tr>`)}</tbody>
	</table></div>`;
}

/** The edition shown when the address names none: the one in effect today, else the newest. */
function defaultEdition(known) {
	return (known.find(edition => edition.inEffect) ?? known[0])?.id ?? '';
}

/** The editions as choices: scoring's, newest first, with how many its lists hold; one the address names as well. */
function editionChoices(known, chosen) {
	const choices = known.map(edition => [edition.id, t('staff.lists.editionChoice', { edition: edition.id,
		ranked: number(edition.ranked) })]);
	return chosen && !known.some(edition => edition.id === chosen) ? [[chosen, chosen], ...choices] : choices;
}

export default async function lists(ctx) {
	ctx.title(t('staff.lists.title'));
	ctx.view(html`<h1>${t('staff.lists.title')}</h1>${loading()}`);
	let known;
	try {
		// the editions scoring's rules and lists know, not guessed from the calendar
		known = await api(`/api/scoring/v1/programmes/${PROGRAMME}/editions`);
	}
	catch (failure) {
		ctx.view(html`<h1>${t('staff.lists.title')}</h1>${problemSummary(failure)}`);
		return;
	}
	if (known.length === 0) {
		ctx.view(html`<h1>${t('staff.lists.title')}</h1><p>${t('staff.lists.noEditions')}</p>`);
		return;
	}
	const edition = ctx.query.get('edition') || defaultEdition(known);
	const category = ctx.query.get('category') ?? '';
	const page = Math.max(0, Number(ctx.query.get('page')) || 0);
	const auditPage = Math.max(0, Number(ctx.query.get('auditPage')) || 0);
	const filters = { edition, category };
	const base = `/api/scoring/v1/programmes/${PROGRAMME}/editions/${encodeURIComponent(edition)}/lists/${category}`;
	let entries, places, directions, trail;
	let problem = null;
	let notice = null;
	let quota = '';
	let busy = false;

	function chooser() {
		return html`<form class="filters" @submit="${event => {
			event.preventDefault();
			ctx.navigate('/staff/lists' + query(filters));
		}}">
			${select({ name: 'edition', label: t('staff.lists.edition'), value: filters.edition,
				choices: editionChoices(known, filters.edition), onChange: value => filters.edition = value })}
			${select({ name: 'category', label: t('staff.filter.category'), value: filters.category,
				choices: [['', t('staff.lists.chooseCategory')], ...categoryChoices()], onChange: value => filters.category = value })}
			<div class="actions"><button class="button" type="submit">${t('staff.filter.show')}</button></div>
		</form>`;
	}

	if (!category) {
		ctx.view(html`<h1>${t('staff.lists.title')}</h1>${chooser()}<p>${t('staff.lists.choose')}</p>`);
		return;
	}

	async function load() {
		[entries, places, directions, trail] = await Promise.all([
			api(base + '/entries' + query({ page, size: SIZE })),
			api(base + '/quota'),
			api(base + '/directions'),
			api('/api/scoring/v1/audit' + query({ subject: `list/${PROGRAMME}/${edition}/${category}`, page: auditPage,
				size: AUDIT_SIZE })),
		]);
		quota = String(places.quota);
	}

	ctx.view(html`<h1>${t('staff.lists.title')}</h1>${chooser()}${loading()}`);
	try {
		await load();
	}
	catch (failure) {
		ctx.view(html`<h1>${t('staff.lists.title')}</h1>${chooser()}${problemSummary(failure)}`);
		return;
	}

	async function act(action) {
		problem = null;
		notice = null;
		busy = true;
		draw();
		try {
			notice = await action();
			await load();
		}
		catch (failure) {
			problem = failure;
		}
		busy = false;
		draw();
		focusAnswer(problem, 'list-result');
	}

	function saveQuota(event) {
		event.preventDefault();
		const value = Number(quota);
		if (quota.trim() === '' || !Number.isInteger(value) || value < 0) {
			problem = { title: t('staff.decision.check'), fields: { quota: t('staff.lists.quotaInvalid') } };
			draw();
			focusProblem();
			return;
		}
		act(async () => {
			await api(base + '/quota', { method: 'PUT', json: { quota: value } });
			return t('staff.lists.quotaSet', { quota: value });
		});
	}

	function issue() {
		act(async () => {
			const issued = await api(base + '/directions', { method: 'POST' });
			return issued.length === 0 ? t('staff.lists.noneIssued')
				: t('staff.lists.issued', { count: issued.length, numbers: issued.map(d => d.number).join(', ') });
		});
	}

	function exportAs(format) {
		act(async () => {
			const name = await download(`${base}/export.${format}`, `${PROGRAMME}-${edition}-${category}.${format}`);
			return t('staff.lists.exported', { name });
		});
	}

	const href = p => '/staff/lists' + query({ edition, category, page: p || undefined });
	const auditHref = p => '/staff/lists' + query({ edition, category, page: page || undefined, auditPage: p || undefined });

	function entriesView() {
		if (entries.total === 0) {
			return html`<p>${t('staff.lists.empty')}</p>`;
		}
		const anyTied = entries.items.some(entry => entry.tied);
		return html`
			${anyTied ? html`<p class="warning">${t('staff.lists.tiesNote')}</p>` : nothing}
			<div class="table-scroll" tabindex="0" role="region" aria-label="${t('staff.lists.caption', { category: categoryName(category), edition, total: entries.total })}"><table>
				<caption>${t('staff.lists.caption', { category: categoryName(category), edition, total: entries.total })}</caption>
				<thead><tr><th scope="col" class="number">${t('staff.lists.position')}</th>
					<th scope="col">${t('staff.application.number')}</th><th scope="col">${t('staff.form.iin')}</th>
					<th scope="col">${t('staff.lists.birthDate')}</th><th scope="col" class="number">${t('staff.assessment.pointsColumn')}</th>
					<th scope="col">${t('staff.lists.tie')}</th></tr></thead>
				<tbody>${entries.items.map(entry => html`<tr>
					<td class="number">${entry.position}</td>
					<th scope="row" class="nowrap">${entry.applicationNumber}</th>
					<td>${entry.applicantIin}</td>
					<td>${date(entry.birthDate)}</td>
					<td class="number">${entry.points}</td>
					<td>${entry.tied ? badge(t('staff.lists.tied'), 'warn') : html`<span class="muted">—</span>`}</td>
				</tr>`)}</tbody>
			</table></div>
			${pager({ page, size: SIZE, total: entries.total, href })}`;
	}

	function directionsView() {
		if (directions.length === 0) {
			return html`<p>${t('staff.lists.noDirections')}</p>`;
		}
		return html`<div class="table-scroll" tabindex="0" role="region" aria-label="${t('staff.lists.directionsCaption', { count: directions.length })}"><table>
			<caption>${t('staff.lists.directionsCaption', { count: directions.length })}</caption>
			<thead><tr><th scope="col">${t('staff.direction.number')}</th><th scope="col" class="number">${t('staff.lists.position')}</th>
				<th scope="col" class="number">${t('staff.assessment.pointsColumn')}</th><th scope="col">${t('staff.direction.status')}</th>
				<th scope="col">${t('staff.direction.issued')}</th><th scope="col">${t('staff.direction.visitDeadline')}</th>
				<th scope="col">${t('staff.direction.housingDeadline')}</th><th scope="col">${t('staff.direction.reason')}</th></tr></thead>
			<tbody>${directions.map(direction => html`<tr>
				<th scope="row" class="nowrap"><a href="/bank/directions/${direction.id}">${direction.number}</a></th>
				<td class="number">${direction.position}</td><td class="number">${direction.points}</td>
				<td>${directionStatusBadge(direction.status)}</td><td>${date(direction.issuedOn)}</td>
				<td>${date(direction.visitDeadline)}</td><td>${date(direction.housingDeadline)}</td>
				<td>${direction.reason ?? '—'}</td></tr>`)}</tbody>
		</table></div>`;
	}

	function draw() {
		const free = Math.max(0, places.quota - places.holding);
		ctx.view(html`
			<h1>${t('staff.lists.title')}</h1>
			${chooser()}
			${problemSummary(problem, { quota: t('staff.lists.quota') })}
			${notice ? html`<p class="notice" role="status" id="list-result" tabindex="-1">${notice}</p>` : nothing}
			<h2>${t('staff.lists.listTitle', { category: categoryName(category), edition })}</h2>
			${entriesView()}
			<section class="card" aria-labelledby="quota-heading">
				<h2 id="quota-heading">${t('staff.lists.quotaTitle')}</h2>
				<p>${t('staff.lists.places', { quota: places.quota, holding: places.holding, free })}</p>
				<form @submit="${saveQuota}" novalidate>
					${input({ name: 'quota', label: t('staff.lists.quota'), hint: t('staff.lists.quotaHint'), type: 'number',
						inputmode: 'numeric', min: 0, max: 100000, step: 1, value: quota, required: true, className: 'short',
						error: problem?.fields?.quota, onInput: value => quota = value })}
					<div class="actions">
						<button class="button secondary" type="submit" ?disabled="${busy}">${t('staff.lists.saveQuota')}</button>
						<button class="button" type="button" ?disabled="${busy}" @click="${issue}">${t('staff.lists.issue')}</button>
					</div>
				</form>
			</section>
			<section aria-labelledby="directions-heading">
				<h2 id="directions-heading">${t('staff.lists.directionsTitle')}</h2>
				${directionsView()}
			</section>
			<section aria-labelledby="export-heading">
				<h2 id="export-heading">${t('staff.lists.exportTitle')}</h2>
				<p>${t('staff.lists.exportText')}</p>
				<div class="actions">
					<button class="button secondary" type="button" ?disabled="${busy}" @click="${() => exportAs('csv')}">${t('staff.lists.exportCsv')}</button>
					<button class="button secondary" type="button" ?disabled="${busy}" @click="${() => exportAs('xlsx')}">${t('staff.lists.exportXlsx')}</button>
				</div>
			</section>
			<section aria-labelledby="audit-heading">
				<h2 id="audit-heading">${t('staff.audit.title')}</h2>
				${auditTable(trail, t('staff.audit.listCaption', { total: trail.total }))}
				${pager({ page: auditPage, size: AUDIT_SIZE, total: trail.total, href: auditHref, label: t('staff.audit.pages') })}
			</section>`);
	}
	draw();
}
