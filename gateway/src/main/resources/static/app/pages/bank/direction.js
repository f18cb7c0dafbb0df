// One direction as the bank receives its holder (DOMAIN A2–A4): who it is for, its deadline, its steps newest
// first, and the one next step the bank may record — the visit, the qualification passed or failed (with the
// reason), the housing chosen, the loan issued. The akimat reads the same card with its audit trail, without the
// bank's buttons. A step another officer recorded first is refused: the card shows the direction as it is now and
// keeps the step tried with its text.
import { html, nothing } from '../../lit.js';
import { date, dateTime, t } from '../../i18n.js';
import { api, query } from '../../api.js';
import { hasRole } from '../../session.js';
import { focusAnswer, focusProblem, loading, problemSummary, radios, textarea } from '../../ui.js';
import { categoryName, deadline } from '../staff/common.js';
import { auditTable, directionStatusBadge } from '../staff/lists.js';

/** What the bank may record next, by where the direction is now. */
const NEXT = {
	ISSUED: ['VISITED'],
	VISITED: ['QUALIFICATION_PASSED', 'QUALIFICATION_FAILED'],
	QUALIFIED: ['HOUSING_CHOSEN'],
	HOUSING_CHOSEN: ['LOAN_ISSUED'],
};
const MAX_REASON = 1000;

function facts(rows) {
	return html`<dl class="facts">${rows.filter(Boolean).map(([term, value]) => html`<dt>${term}</dt><dd>${value ?? '—'}</dd>`)}</dl>`;
}

export default async function direction(ctx) {
	const id = ctx.params.id;
	const bank = hasRole('bank-officer');
	let card;
	let trail = null;
	let problem = null;
	let notice = null;
	let busy = false;
	const outcome = { value: '', reason: '' };
	let unsent = null; // the step this officer tried after another had changed the direction: kept to read and copy
	let errors = {};

	async function load() {
		[card, trail] = await Promise.all([
			api(`/api/scoring/v1/directions/${id}`),
			bank ? null : api('/api/scoring/v1/audit' + query({ subject: `direction/${id}`, size: 50 })),
		]);
		const next = NEXT[card.status] ?? [];
		outcome.value = next.length === 1 ? next[0] : '';
		outcome.reason = '';
	}

	ctx.title(t('bank.direction.heading'));
	ctx.view(html`<h1>${t('bank.direction.heading')}</h1>${loading()}`);
	try {
		await load();
	}
	catch (failure) {
		ctx.view(html`<h1>${t('bank.direction.heading')}</h1>${problemSummary(failure)}
			<p><a href="/bank/directions">${t('bank.direction.back')}</a></p>`);
		return;
	}

	async function record(event) {
		event.preventDefault();
		problem = null;
		notice = null;
		errors = {};
		if (!outcome.value) {
			errors.outcome = t('bank.direction.chooseOutcome');
		}
		else if (outcome.value === 'QUALIFICATION_FAILED' && !outcome.reason.trim()) {
			errors.reason = t('bank.direction.reasonRequired');
		}
		if (Object.keys(errors).length) {
			problem = { title: t('staff.decision.check'), fields: errors };
			draw();
			focusProblem();
			return;
		}
		busy = true;
		draw();
		const recorded = outcome.value;
		try {
			await api(`/api/scoring/v1/directions/${id}/outcomes`,
				{ json: { outcome: recorded, reason: outcome.reason.trim() || null } });
			notice = t('bank.direction.recorded', { step: t(`bank.step.${recorded}`) });
			unsent = null;
			await load();
		}
		catch (failure) {
			problem = failure;
			errors = failure.fields ?? {};
			if (failure.status === 409) {
				// another officer recorded a step meanwhile (or the direction expired): show where it is now, and keep
				// the step tried and its text, not sent
				const shown = card.status;
				unsent = { step: recorded, reason: outcome.reason };
				await load().catch(() => {});
				problem = { title: card.status === shown ? failure.title : t('bank.direction.changedTitle'),
					detail: `${failure.detail} ${t('bank.direction.wrongStep')}`, fields: {} };
			}
		}
		busy = false;
		draw();
		focusAnswer(problem, 'direction-result');
	}

	function nextStep() {
		const next = NEXT[card.status];
		if (!bank) {
			return nothing;
		}
		if (!next) {
			return html`<section class="card" aria-labelledby="next-heading">
				<h2 id="next-heading">${t('bank.direction.nextTitle')}</h2>
				<p>${t('bank.direction.noNext')}</p></section>`;
		}
		const failing = outcome.value === 'QUALIFICATION_FAILED';
		return html`<section class="card" aria-labelledby="next-heading">
			<h2 id="next-heading">${t('bank.direction.nextTitle')}</h2>
			<p>${t(`bank.direction.expect.${card.status}`)}</p>
			<form @submit="${record}" novalidate>
				${next.length > 1 ? radios({ name: 'outcome', legend: t('bank.direction.outcome'), value: outcome.value,
					error: errors.outcome, choices: next.map(step => [step, t(`bank.step.${step}`)]),
					onChange: value => { outcome.value = value; draw(); } }) : nothing}
				${textarea({ name: 'reason', label: failing ? t('bank.direction.reason') : t('bank.direction.note'),
					hint: failing ? t('bank.direction.reasonHint') : undefined, value: outcome.reason, error: errors.reason,
					required: failing, maxlength: MAX_REASON, onInput: value => outcome.reason = value })}
				<div class="actions">
					<button class="button ${failing ? 'danger' : ''}" type="submit" ?disabled="${busy}" aria-disabled="${busy}">
						${next.length === 1 ? t(`bank.action.${next[0]}`) : t('bank.direction.save')}</button>
				</div>
			</form>
		</section>`;
	}

	function unsentView() {
		if (!unsent) {
			return nothing;
		}
		return html`<section class="card" aria-labelledby="unsent-heading">
			<h2 id="unsent-heading">${t('bank.direction.unsentTitle')}</h2>
			<p>${t('bank.direction.unsentText')}</p>
			${facts([
				[t('bank.direction.unsentStep'), t(`bank.step.${unsent.step}`)],
				unsent.reason.trim() ? [unsent.step === 'QUALIFICATION_FAILED' ? t('bank.direction.reason') : t('bank.direction.note'),
					unsent.reason.split('\n').map((line, index) => html`${index ? html`<br>` : nothing}${line}`)] : null,
			])}
		</section>`;
	}

	function steps() {
		return html`<ol class="timeline">${card.steps.map(step => html`<li>
			<strong>${t(`bank.step.${step.step}`)}</strong> — ${date(step.onDate)}
			<span class="muted">(${dateTime(step.occurredAt)})</span>
			${step.deadline ? html`<br>${t(step.step === 'EXPIRED' ? 'bank.direction.missed' : 'bank.direction.until', { date: date(step.deadline) })}` : nothing}
			${step.reason ? html`<br>${t('bank.direction.reasonShown', { reason: step.reason })}` : nothing}
		</li>`)}</ol>`;
	}

	function draw() {
		ctx.title(t('bank.direction.title', { number: card.number }));
		ctx.view(html`
			<p><a href="${bank ? '/bank/directions' : `/staff/lists${query({ edition: card.edition.split('/').pop(), category: card.category })}`}">
				${bank ? t('bank.direction.back') : t('bank.direction.backToList')}</a></p>
			<h1>${t('bank.direction.title', { number: card.number })}</h1>
			${problemSummary(problem, { outcome: t('bank.direction.outcome'), reason: t('bank.direction.reason') })}
			${notice ? html`<p class="notice" role="status" id="direction-result" tabindex="-1">${notice}</p>` : nothing}
			${facts([
				[t('staff.direction.status'), directionStatusBadge(card.status)],
				[t('bank.direction.applicant'), card.applicantName],
				[t('staff.form.iin'), card.iin],
				[t('staff.application.number'), card.applicationNumber],
				[t('staff.application.category'), categoryName(card.category)],
				[t('bank.direction.place'), t('bank.direction.placeText', { position: card.position, points: card.points })],
				[t('staff.direction.issued'), date(card.issuedOn)],
				[t('bank.direction.deadline'), card.deadline ? deadline(card.deadline, card.daysLeft) : t('bank.direction.closed')],
				card.housingDeadline ? [t('staff.direction.housingDeadline'), date(card.housingDeadline)] : null,
				card.reason ? [t('staff.direction.reason'), card.reason] : null,
			])}
			${unsentView()}
			${nextStep()}
			<section aria-labelledby="steps-heading">
				<h2 id="steps-heading">${t('bank.direction.steps')}</h2>
				${steps()}
			</section>
			${trail ? html`<section aria-labelledby="audit-heading">
				<h2 id="audit-heading">${t('staff.audit.title')}</h2>
				${auditTable(trail, t('staff.audit.directionCaption', { total: trail.total }))}
			</section>` : nothing}`);
	}
	draw();
}
