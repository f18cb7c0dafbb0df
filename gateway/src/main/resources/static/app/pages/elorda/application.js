// One of the citizen's applications: its status and decision, its timeline told by the intake in the page's language,
// its place in the ranked list and its direction. Someone else's application is as good as missing (the API's 404).
import { html, nothing } from '../../lit.js';
import { dateTime, t } from '../../i18n.js';
import { api } from '../../api.js';
import { loading } from '../../ui.js';
import { ELORDA, SCORING, categoryName, elordaNav, statusBadge } from './common.js';
import { takeFlash } from './flash.js';
import { directionCards, positionsTable } from './my.js';

export default async function application(ctx) {
	const message = takeFlash();
	const id = ctx.params.id;
	ctx.title(t('elorda.application.title'));
	ctx.view(html`<h1>${t('elorda.application.title')}</h1>${loading()}`);
	let own;
	try {
		own = await api(`${ELORDA}/applications/${encodeURIComponent(id)}`);
	}
	catch (problem) {
		if (problem.status !== 404 && problem.status !== 400) {
			throw problem;
		}
		ctx.title(t('elorda.application.notFound'));
		ctx.view(html`<h1>${t('elorda.application.notFound')}</h1>
			<div class="warning"><p>${t('elorda.application.notFoundText')}</p></div>
			<p><a class="button" href="/elorda/my">${t('elorda.my.title')}</a></p>`);
		return;
	}
	const quiet = call => call.catch(() => null);
	const [timeline, positions, directions] = own.status === 'DRAFT' ? [null, [], []] : await Promise.all([
		quiet(api(`${ELORDA}/my/applications/${own.id}/timeline`)),
		quiet(api(`${SCORING}/my/positions`)),
		quiet(api(`${SCORING}/my/directions`)),
	]);
	const decision = own.decision;
	const heading = own.number ? t('elorda.application.numbered', { number: own.number }) : t('elorda.my.draft');
	ctx.title(heading);
	ctx.view(html`
		<h1>${heading}</h1>
		${elordaNav('/elorda/my')}
		${message ? html`<div class="notice" role="status"><p>${message}</p></div>` : nothing}
		<dl class="facts">
			<dt>${t('elorda.application.status')}</dt><dd>${statusBadge(own.status)}</dd>
			<dt>${t('elorda.form.category')}</dt><dd>${categoryName(own.category ?? own.form?.category)}</dd>
			${own.submittedAt ? html`<dt>${t('elorda.my.submittedAt')}</dt><dd>${dateTime(own.submittedAt)}</dd>` : nothing}
			${decision ? html`<dt>${t('elorda.application.decidedAt')}</dt><dd>${dateTime(decision.decidedAt)}</dd>` : nothing}
			${decision?.reasonName ? html`<dt>${t('elorda.application.reason')}</dt><dd>${decision.reasonName}</dd>` : nothing}
			${decision?.comment ? html`<dt>${t('elorda.application.comment')}</dt><dd>${decision.comment}</dd>` : nothing}
		</dl>
		${own.status === 'DRAFT' ? html`<p><a class="button" href="/elorda/apply">${t('elorda.my.continue')}</a></p>`
			: html`<p class="muted">${t('elorda.apply.noChanges')}</p>`}
		${timeline ? html`<h2>${t('elorda.application.timeline')}</h2>
			<ol class="timeline">${timeline.steps.map(step => html`<li>
				<h3>${step.title}</h3>
				<p class="muted"><time datetime="${step.occurredAt}">${dateTime(step.occurredAt)}</time></p>
				<p>${step.description}</p></li>`)}</ol>` : nothing}
		${own.status !== 'DRAFT' ? html`
			<h2>${t('elorda.my.positions')}</h2>
			${positionsTable((positions ?? []).filter(p => p.applicationNumber === own.number), t('elorda.my.positions'))}
			<h2>${t('elorda.my.directions')}</h2>
			${directionCards((directions ?? []).filter(d => d.applicationId === own.id))}` : nothing}`);
}
