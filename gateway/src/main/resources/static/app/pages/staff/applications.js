// The akimat's applications to verify (DOMAIN A1): filtered by category and status in the address, the undecided
// first and then the nearest deadline (the API's order), each with its deadline in working days and the scoring
// service's automatic assessment beside it.
import { html } from '../../lit.js';
import { dateTime, t } from '../../i18n.js';
import { api, query } from '../../api.js';
import { loading, pager, problemSummary, select } from '../../ui.js';
import { badge, categoryChoices, categoryName, deadline } from './common.js';

const SIZE = 20;
const STATUSES = ['SUBMITTED', 'VERIFIED', 'REJECTED'];

export function statusBadge(status) {
	return badge(t(`staff.status.${status}`), { VERIFIED: 'ok', REJECTED: 'error', SUBMITTED: 'warn' }[status]);
}

/** The automatic assessment in a few words: points, and eligible or the criteria not met. */
export function assessmentSummary(assessment) {
	if (!assessment) {
		return html`<span class="muted">${t('staff.assessment.pending')}</span>`;
	}
	return html`${t('staff.assessment.points', { points: assessment.points })}
		${assessment.eligible ? badge(t('staff.assessment.eligible'), 'ok')
			: html`${badge(t('staff.assessment.notEligible'), 'error')}
				<span class="muted">${t('staff.assessment.failed', { codes: assessment.failedCriteria.join(', ') })}</span>`}`;
}

export default async function applications(ctx) {
	const category = ctx.query.get('category') ?? '';
	const status = ctx.query.get('status') ?? '';
	const page = Math.max(0, Number(ctx.query.get('page')) || 0);
	const filters = { category, status };
	ctx.title(t('staff.applications.title'));

	function form(problem) {
		return html`
			<h1>${t('staff.applications.title')}</h1>
			${problemSummary(problem)}
			<form class="filters" @submit="${event => {
				event.preventDefault();
				ctx.navigate('/staff/applications' + query({ ...filters, page: undefined }));
			}}">
				${select({ name: 'category', label: t('staff.filter.category'), value: filters.category,
					choices: categoryChoices(t('staff.filter.all'), { intake: true }), onChange: value => filters.category = value })}
				${select({ name: 'status', label: t('staff.filter.status'), value: filters.status,
					choices: [['', t('staff.filter.all')], ...STATUSES.map(s => [s, t(`staff.status.${s}`)])],
					onChange: value => filters.status = value })}
				<div class="actions"><button class="button" type="submit">${t('staff.filter.show')}</button></div>
			</form>`;
	}

	ctx.view(html`${form()}${loading()}`);
	let answer;
	try {
		answer = await api('/api/elorda/v1/applications' + query({ category, status, page, size: SIZE }));
	}
	catch (problem) {
		ctx.view(form(problem));
		return;
	}
	const href = p => '/staff/applications' + query({ category, status, page: p || undefined });
	ctx.view(html`${form()}
		${answer.items.length === 0 ? html`<p class="notice">${t('staff.applications.none')}</p>` : html`
		<div class="table-scroll" tabindex="0" role="region" aria-label="${t('staff.applications.caption', { total: answer.total })}">
			<table>
				<caption>${t('staff.applications.caption', { total: answer.total })}</caption>
				<thead><tr>
					<th scope="col">${t('staff.application.number')}</th>
					<th scope="col">${t('staff.application.status')}</th>
					<th scope="col">${t('staff.application.deadline')}</th>
					<th scope="col">${t('staff.application.assessment')}</th>
					<th scope="col">${t('staff.application.applicant')}</th>
					<th scope="col">${t('staff.application.category')}</th>
					<th scope="col">${t('staff.application.submitted')}</th>
				</tr></thead>
				<tbody>${answer.items.map(item => html`<tr>
					<th scope="row" class="nowrap"><a href="/staff/applications/${item.id}">${item.number}</a></th>
					<td>${statusBadge(item.status)}</td>
					<td>${item.status === 'SUBMITTED' ? deadline(item.verificationDeadline, item.workingDaysLeft, { working: true })
						: html`<span class="muted">${t('staff.application.decided')}</span>`}</td>
					<td>${assessmentSummary(item.assessment)}</td>
					<td>${item.form?.applicant?.fullName ?? '—'}</td>
					<td>${categoryName(item.category)}</td>
					<td>${dateTime(item.submittedAt)}</td>
				</tr>`)}</tbody>
			</table>
		</div>`}
		${pager({ page, size: SIZE, total: answer.total, href })}`);
}
