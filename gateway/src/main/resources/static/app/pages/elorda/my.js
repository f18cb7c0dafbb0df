// The citizen's own applications (DOMAIN A1–A4): each with its status, its place in the ranked list, and the
// directions to the bank with their deadlines.
import { html, nothing } from '../../lit.js';
import { date, dateTime, number, t } from '../../i18n.js';
import { api } from '../../api.js';
import { loading, problemSummary } from '../../ui.js';
import { ELORDA, SCORING, categoryName, elordaNav, statusBadge } from './common.js';

/** Whatever one of the three sources answers, the others are still shown. */
async function attempt(call) {
	try {
		return { value: await call() };
	}
	catch (problem) {
		return { problem };
	}
}

export function positionsTable(positions, caption) {
	if (!positions.length) {
		return html`<p class="muted">${t('elorda.my.noPosition')}</p>`;
	}
	return html`<div class="table-scroll"><table>
		<caption>${caption}</caption>
		<thead><tr><th scope="col">${t('elorda.my.application')}</th><th scope="col">${t('elorda.form.category')}</th>
			<th scope="col" class="number">${t('elorda.lists.points')}</th><th scope="col" class="number">${t('elorda.lists.position')}</th></tr></thead>
		<tbody>${positions.map(standing => html`<tr><td>${standing.applicationNumber}</td><td>${categoryName(standing.category)}</td>
			<td class="number">${standing.points}</td>
			<td class="number">${t('elorda.my.positionOf', { position: number(standing.position), of: number(standing.of) })}</td></tr>`)}</tbody>
	</table></div>`;
}

export function directionCards(directions) {
	if (!directions.length) {
		return html`<p class="muted">${t('elorda.my.noDirections')}</p>`;
	}
	return directions.map(direction => html`<section class="card" aria-labelledby="direction-${direction.id}">
		<h3 id="direction-${direction.id}">${t('elorda.my.direction', { number: direction.number })}</h3>
		<p><span class="badge ${['FAILED', 'EXPIRED', 'ANNULLED'].includes(direction.status) ? 'error'
			: direction.status === 'LOAN_ISSUED' ? 'ok' : 'warn'}">${t(`elorda.direction.${direction.status}`)}</span></p>
		<dl class="facts">
			<dt>${t('elorda.my.issuedOn')}</dt><dd>${date(direction.issuedOn)}</dd>
			<dt>${t('elorda.my.positionAtIssue')}</dt><dd>${direction.position}</dd>
			${direction.deadline ? html`<dt>${t('elorda.my.deadline')}</dt><dd>${date(direction.deadline)}${direction.daysLeft != null
				? html` — ${direction.daysLeft < 0 ? t('elorda.my.overdue') : t('elorda.my.daysLeft', { days: direction.daysLeft })}` : nothing}</dd>` : nothing}
			<dt>${t('elorda.my.verificationCode')}</dt><dd>${direction.verificationCode}</dd>
		</dl>
		${direction.status === 'ISSUED' ? html`<p>${t('elorda.my.goToBank')}</p>` : nothing}
	</section>`);
}

export default async function my(ctx) {
	ctx.title(t('elorda.my.title'));
	ctx.view(html`<h1>${t('elorda.my.title')}</h1>${elordaNav('/elorda/my')}${loading()}`);
	const [applications, positions, directions] = await Promise.all([
		attempt(() => api(`${ELORDA}/my/applications`)),
		attempt(() => api(`${SCORING}/my/positions`)),
		attempt(() => api(`${SCORING}/my/directions`)),
	]);
	ctx.view(html`
		<h1>${t('elorda.my.title')}</h1>
		${elordaNav('/elorda/my')}
		<h2>${t('elorda.my.applications')}</h2>
		${applications.problem ? problemSummary(applications.problem) : applications.value.length === 0
			? html`<p>${t('elorda.my.none')}</p><p><a class="button" href="/elorda/apply">${t('elorda.terms.apply')}</a></p>`
			: applications.value.map(application => html`<section class="card" aria-labelledby="app-${application.id}">
				<h3 id="app-${application.id}">${application.number ?? t('elorda.my.draft')}</h3>
				<p>${statusBadge(application.status)}</p>
				<dl class="facts">
					<dt>${t('elorda.form.category')}</dt><dd>${categoryName(application.category ?? application.form?.category)}</dd>
					${application.submittedAt ? html`<dt>${t('elorda.my.submittedAt')}</dt><dd>${dateTime(application.submittedAt)}</dd>`
						: html`<dt>${t('elorda.my.updatedAt')}</dt><dd>${dateTime(application.updatedAt)}</dd>`}
				</dl>
				${application.status === 'DRAFT'
					? html`<a class="button" href="/elorda/apply">${t('elorda.my.continue')}</a>`
					: html`<a class="button secondary" href="/elorda/my/${application.id}">${t('elorda.my.open')}<span
						class="visually-hidden"> ${application.number}</span></a>`}
			</section>`)}
		<h2>${t('elorda.my.positions')}</h2>
		${positions.problem ? problemSummary(positions.problem) : positionsTable(positions.value, t('elorda.my.positions'))}
		<h2>${t('elorda.my.directions')}</h2>
		${directions.problem ? problemSummary(directions.problem) : directionCards(directions.value)}`);
}
