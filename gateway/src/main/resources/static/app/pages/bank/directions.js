// The bank's inbox of directions across all lists (DOMAIN A2–A4): the nearest open deadline first (the API's
// order), filtered by status and found by the letter's number, with the days left or overdue in words.
import { html } from '../../lit.js';
import { t } from '../../i18n.js';
import { api, query } from '../../api.js';
import { input, loading, pager, problemSummary, select } from '../../ui.js';
import { categoryName, deadline } from '../staff/common.js';
import { directionStatusBadge } from '../staff/lists.js';

const SIZE = 20;
export const DIRECTION_STATUSES = ['ISSUED', 'VISITED', 'QUALIFIED', 'HOUSING_CHOSEN', 'LOAN_ISSUED', 'FAILED', 'EXPIRED',
	'ANNULLED'];

export default async function directions(ctx) {
	const status = ctx.query.get('status') ?? '';
	const number = (ctx.query.get('number') ?? '').trim();
	const page = Math.max(0, Number(ctx.query.get('page')) || 0);
	const filters = { status, number };
	ctx.title(t('bank.directions.title'));

	function form(problem) {
		return html`
			<h1>${t('bank.directions.title')}</h1>
			${problemSummary(problem)}
			<form class="filters" role="search" @submit="${event => {
				event.preventDefault();
				ctx.navigate('/bank/directions' + query({ status: filters.status, number: filters.number.trim() }));
			}}">
				${select({ name: 'status', label: t('staff.filter.status'), value: filters.status,
					choices: [['', t('staff.filter.all')], ...DIRECTION_STATUSES.map(s => [s, t(`staff.directionStatus.${s}`)])],
					onChange: value => filters.status = value })}
				${input({ name: 'number', label: t('bank.directions.number'), hint: t('bank.directions.numberHint'),
					value: filters.number, autocomplete: 'off', onInput: value => filters.number = value })}
				<div class="actions"><button class="button" type="submit">${t('bank.directions.find')}</button></div>
			</form>`;
	}

	ctx.view(html`${form()}${loading()}`);
	let answer;
	try {
		answer = await api('/api/scoring/v1/directions' + query({ status, number, page, size: SIZE }));
	}
	catch (problem) {
		ctx.view(form(problem));
		return;
	}
	const href = p => '/bank/directions' + query({ status, number, page: p || undefined });
	ctx.view(html`${form()}
		${answer.items.length === 0 ? html`<p class="notice">${number ? t('bank.directions.notFound', { number })
			: t('bank.directions.none')}</p>` : html`
		<div class="table-scroll" tabindex="0" role="region" aria-label="${t('bank.directions.caption', { total: answer.total })}">
			<table>
				<caption>${t('bank.directions.caption', { total: answer.total })}</caption>
				<thead><tr>
					<th scope="col">${t('staff.direction.number')}</th>
					<th scope="col">${t('bank.direction.deadline')}</th>
					<th scope="col">${t('staff.direction.status')}</th>
					<th scope="col">${t('bank.direction.applicant')}</th>
					<th scope="col">${t('staff.form.iin')}</th>
					<th scope="col">${t('staff.application.category')}</th>
				</tr></thead>
				<tbody>${answer.items.map(item => html`<tr>
					<th scope="row" class="nowrap"><a href="/bank/directions/${item.id}">${item.number}</a></th>
					<td>${item.deadline ? deadline(item.deadline, item.daysLeft) : html`<span class="muted">${t('bank.direction.closed')}</span>`}</td>
					<td>${directionStatusBadge(item.status)}</td>
					<td>${item.applicantName}</td>
					<td>${item.iin}</td>
					<td>${categoryName(item.category)}</td>
				</tr>`)}</tbody>
			</table>
		</div>`}
		${pager({ page, size: SIZE, total: answer.total, href })}`);
}
