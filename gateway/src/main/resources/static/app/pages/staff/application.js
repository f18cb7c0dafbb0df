// One application for the akimat (DOMAIN A1): the whole form, its documents (each opening audited by the intake),
// the scoring service's automatic assessment criterion by criterion, and the decision — verify, or reject with a
// reason code and a comment the applicant will read. Of two officers deciding at once, the second learns who won,
// sees the application as it is now and keeps what they chose and typed (not sent) to read and copy.
import { html, nothing } from '../../lit.js';
import { date, dateTime, money, number, t } from '../../i18n.js';
import { api } from '../../api.js';
import { focusAnswer, focusProblem, loading, problemSummary, radios, select, textarea } from '../../ui.js';
import { badge, categoryName, deadline, download, yesNo } from './common.js';
import { statusBadge } from './applications.js';

const REASONS = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'DOCUMENTS', 'FALSE_INFORMATION', 'OTHER'];
const MAX_COMMENT = 2000;

function facts(rows) {
	return html`<dl class="facts">${rows.filter(Boolean).map(([term, value]) => html`<dt>${term}</dt><dd>${value ?? '—'}</dd>`)}</dl>`;
}

/** Text as typed, its line breaks kept. */
function lines(text) {
	return text.split('\n').map((line, index) => html`${index ? html`<br>` : nothing}${line}`);
}

function kb(size) {
	return t('staff.documents.size', { size: number(Math.max(1, Math.round(size / 1024))) });
}

export default async function application(ctx) {
	const id = ctx.params.id;
	let app;
	let documents = [];
	let scoring = null; // the scoring service's own view, with each criterion explained in this language
	let problem = null;
	let notice = null;
	let busy = false;
	const decision = { outcome: '', reasonCode: '', comment: '' };
	let unsent = null; // this officer's decision another officer's came before: kept to read and copy
	let errors = {};

	async function load() {
		[app, documents, scoring] = await Promise.all([
			api(`/api/elorda/v1/applications/${id}`),
			api(`/api/elorda/v1/applications/${id}/documents`),
			api(`/api/scoring/v1/applications/${id}/assessment`).catch(() => null),
		]);
	}

	ctx.title(t('staff.application.heading'));
	ctx.view(html`<h1>${t('staff.application.heading')}</h1>${loading()}`);
	try {
		await load();
	}
	catch (failure) {
		ctx.view(html`<h1>${t('staff.application.heading')}</h1>${problemSummary(failure)}
			<p><a href="/staff/applications">${t('staff.application.back')}</a></p>`);
		return;
	}

	async function open(document) {
		notice = null;
		try {
			const name = await download(`/api/elorda/v1/applications/${id}/documents/${document.id}/content`,
				document.fileName);
			notice = t('staff.documents.downloaded', { name });
		}
		catch (failure) {
			problem = failure;
		}
		draw();
	}

	async function decide(event) {
		event.preventDefault();
		problem = null;
		errors = {};
		if (!decision.outcome) {
			errors.outcome = t('staff.decision.chooseOutcome');
		}
		if (decision.outcome === 'REJECTED') {
			if (!decision.reasonCode) {
				errors.reasonCode = t('staff.decision.reasonRequired');
			}
			if (!decision.comment.trim()) {
				errors.comment = t('staff.decision.commentRequired');
			}
		}
		if (Object.keys(errors).length) {
			problem = { title: t('staff.decision.check'), fields: errors };
			draw();
			focusProblem();
			return;
		}
		busy = true;
		draw();
		try {
			if (decision.outcome === 'VERIFIED') {
				await api(`/api/elorda/v1/applications/${id}/verification`,
					{ json: { comment: decision.comment.trim() || null } });
				notice = t('staff.decision.verified');
			}
			else {
				await api(`/api/elorda/v1/applications/${id}/rejection`,
					{ json: { reasonCode: decision.reasonCode, comment: decision.comment.trim() } });
				notice = t('staff.decision.rejected');
			}
			await load();
		}
		catch (failure) {
			problem = failure;
			errors = failure.fields ?? {};
			if (failure.status === 409) {
				// another officer decided first: the problem says what, when and who; the card shows it now, and
				// what this officer chose and typed stays on the page, not sent
				problem = { title: failure.title, detail: `${failure.detail} ${t('staff.decision.stale')}`, fields: {} };
				unsent = { ...decision };
				await load().catch(() => {});
			}
		}
		busy = false;
		draw();
		focusAnswer(problem, 'decision-result');
	}

	function decisionView() {
		const taken = app.decision;
		if (!taken) {
			return nothing;
		}
		return html`<section class="card" aria-labelledby="decision-heading">
			<h2 id="decision-heading">${t('staff.decision.title')}</h2>
			${facts([
				[t('staff.decision.outcome'), statusBadge(taken.outcome)],
				[t('staff.decision.when'), dateTime(taken.decidedAt)],
				[t('staff.decision.who'), taken.decidedBy?.username],
				taken.reasonCode ? [t('staff.decision.reason'), `${taken.reasonCode} — ${taken.reasonName ?? t(`staff.reason.${taken.reasonCode}`)}`] : null,
				taken.comment ? [t('staff.decision.comment'), taken.comment] : null,
			])}
		</section>`;
	}

	function unsentView() {
		if (!unsent) {
			return nothing;
		}
		return html`<section class="card" aria-labelledby="unsent-heading">
			<h2 id="unsent-heading">${t('staff.decision.unsentTitle')}</h2>
			<p>${t('staff.decision.unsentText')}</p>
			${facts([
				[t('staff.decision.outcome'), t(unsent.outcome === 'VERIFIED' ? 'staff.decision.verify' : 'staff.decision.reject')],
				unsent.outcome === 'REJECTED' && unsent.reasonCode ? [t('staff.decision.reason'), `${unsent.reasonCode} — ${t(`staff.reason.${unsent.reasonCode}`)}`] : null,
				unsent.comment.trim() ? [t('staff.decision.comment'), lines(unsent.comment)] : null,
			])}
		</section>`;
	}

	function assessmentView() {
		const assessment = scoring?.assessment;
		const brief = app.assessment;
		if (!assessment && !brief) {
			return html`<p>${scoring?.notAssessed ?? t('staff.assessment.pending')}</p>`;
		}
		const eligible = assessment ? assessment.eligible : brief.eligible;
		const points = assessment ? assessment.points : brief.points;
		return html`
			<p>${eligible ? badge(t('staff.assessment.eligible'), 'ok') : badge(t('staff.assessment.notEligible'), 'error')}
				${t('staff.assessment.points', { points })}</p>
			${assessment ? html`
				<h3 id="criteria-heading">${t('staff.assessment.criteria')}</h3>
				<ul class="criteria" aria-labelledby="criteria-heading">${assessment.criteria.map(criterion => html`<li>
					<strong>${criterion.code}</strong>
					${criterion.passed ? badge(t('staff.assessment.passed'), 'ok') : badge(t('staff.assessment.notPassed'), 'error')}
					<br>${criterion.message}</li>`)}</ul>
				${assessment.breakdown.length ? html`<h3 id="breakdown-heading">${t('staff.assessment.breakdown')}</h3>
					<ul class="criteria" aria-labelledby="breakdown-heading">${assessment.breakdown.map(row => html`<li>
						<strong>${row.code}</strong> ${t('staff.assessment.points', { points: row.points })}<br>${row.message}</li>`)}</ul>` : nothing}
				<p class="muted">${t('staff.assessment.rules', { edition: assessment.edition, version: assessment.rulesVersion.slice(0, 12) })}</p>`
			: html`${brief.failedCriteria.length ? html`<p>${t('staff.assessment.failed', { codes: brief.failedCriteria.join(', ') })}</p>` : nothing}`}`;
	}

	function formView() {
		const form = app.form ?? {};
		const applicant = form.applicant ?? {};
		const employment = applicant.employment ?? {};
		const registration = applicant.registration ?? {};
		const education = applicant.education ?? {};
		const property = form.property ?? {};
		const contact = form.contact ?? {};
		return html`
			<h3>${t('staff.form.applicant')}</h3>
			${facts([
				[t('staff.form.fullName'), applicant.fullName],
				scoring?.facts?.applicant?.iin ? [t('staff.form.iin'), scoring.facts.applicant.iin] : null,
				[t('staff.form.citizenship'), applicant.citizenship],
				[t('staff.form.registration'), `${registration.city ?? '—'}, ${registration.permanent ? t('staff.form.permanent') : t('staff.form.temporary')}, ${t('staff.form.since', { date: date(registration.since) })}`],
				[t('staff.form.disability'), applicant.disabilityGroup ? t('staff.form.group', { group: applicant.disabilityGroup }) : t('staff.no')],
				applicant.orphanQueueCity ? [t('staff.form.orphanQueue'), applicant.orphanQueueCity] : null,
				[t('staff.form.loan'), money(form.requestedLoan)],
			])}
			<h3>${t('staff.form.employment')}</h3>
			${facts([
				[t('staff.form.organization'), `${employment.organizationName ?? '—'} (${t('staff.form.bin')} ${employment.organizationBin ?? '—'})`],
				[t('staff.form.position'), employment.position],
				[t('staff.form.sphere'), categoryName(employment.sphere)],
				[t('staff.form.city'), employment.city],
				[t('staff.form.stateOrganization'), yesNo(employment.stateOrganization)],
				[t('staff.form.profileStaff'), yesNo(employment.profileStaff)],
				[t('staff.form.employedSince'), date(employment.since)],
				[t('staff.form.maternityLeave'), yesNo(employment.onMaternityLeave)],
				[t('staff.form.education'), education.level ? `${t(`staff.education.${education.level}`)}, ${t('staff.form.matchesSphere')}: ${yesNo(education.matchesSphere)}` : '—'],
			])}
			<h3>${t('staff.form.family')}</h3>
			${(form.family ?? []).length === 0 ? html`<p>${t('staff.form.noFamily')}</p>` : html`<div class="table-scroll" tabindex="0" role="region" aria-label="${t('staff.form.family')}"><table>
				<caption>${t('staff.form.family')}</caption>
				<thead><tr><th scope="col">${t('staff.form.fullName')}</th><th scope="col">${t('staff.form.relation')}</th>
					<th scope="col">${t('staff.form.iin')}</th><th scope="col">${t('staff.form.registeredIn')}</th>
					<th scope="col">${t('staff.form.disability')}</th></tr></thead>
				<tbody>${form.family.map(member => html`<tr><th scope="row">${member.fullName ?? '—'}</th>
					<td>${t(`staff.relation.${member.relation}`)}</td><td>${member.iin}</td>
					<td>${member.registeredIn ?? '—'}${member.permanentRegistration ? '' : ` (${t('staff.form.temporary')})`}</td>
					<td>${member.disabilityGroup ? t('staff.form.group', { group: member.disabilityGroup }) : t('staff.no')}</td></tr>`)}</tbody>
			</table></div>`}
			<h3>${t('staff.form.income')}</h3>
			<ol class="income">${(form.householdNetIncome ?? []).map(amount => html`<li>${money(amount)}</li>`)}</ol>
			<h3>${t('staff.form.deposits')}</h3>
			${(form.deposits ?? []).length === 0 ? html`<p>${t('staff.form.noDeposits')}</p>` : html`<ul>
				${form.deposits.map(deposit => html`<li>${t(`staff.holder.${deposit.holder}`)}: ${deposit.bank}, ${money(deposit.balance)}</li>`)}</ul>`}
			<h3>${t('staff.form.property')}</h3>
			${facts([
				[t('staff.form.owned'), yesNo(property.ownedInLast5Years)],
				[t('staff.form.rentToOwn'), yesNo(property.rentToOwnInLast5Years)],
				[t('staff.form.adobe'), yesNo(property.onlyEmergencyAdobeOrReed)],
			])}
			<h3>${t('staff.form.contact')}</h3>
			${facts([
				[t('staff.form.mobile'), contact.mobile],
				[t('staff.form.email'), contact.email],
				[t('staff.form.language'), contact.language],
			])}`;
	}

	function documentsView() {
		if (documents.length === 0) {
			return html`<p>${t('staff.documents.none')}</p>`;
		}
		return html`<div class="table-scroll" tabindex="0" role="region" aria-label="${t('staff.documents.caption', { count: documents.length })}"><table>
			<caption>${t('staff.documents.caption', { count: documents.length })}</caption>
			<thead><tr><th scope="col">${t('staff.documents.type')}</th><th scope="col">${t('staff.documents.holder')}</th>
				<th scope="col">${t('staff.documents.issued')}</th><th scope="col">${t('staff.documents.file')}</th>
				<th scope="col">${t('staff.documents.action')}</th></tr></thead>
			<tbody>${documents.map(document => html`<tr>
				<th scope="row">${t(`staff.documentType.${document.type}`)}</th>
				<td>${document.holderIin}</td>
				<td>${date(document.issuedOn)}</td>
				<td>${document.fileName}<br><span class="muted">${kb(document.size)}</span></td>
				<td><button type="button" class="button secondary" @click="${() => open(document)}"
					aria-label="${t('staff.documents.openNamed', { type: t(`staff.documentType.${document.type}`), holder: document.holderIin })}">
					${t('staff.documents.open')}</button></td>
			</tr>`)}</tbody>
		</table></div>
		<p class="muted">${t('staff.documents.audited')}</p>`;
	}

	function decisionForm() {
		if (app.status !== 'SUBMITTED') {
			return nothing;
		}
		return html`<section class="card" aria-labelledby="decide-heading">
			<h2 id="decide-heading">${t('staff.decision.formTitle')}</h2>
			<form @submit="${decide}" novalidate>
				${radios({ name: 'outcome', legend: t('staff.decision.outcome'), value: decision.outcome, error: errors.outcome,
					choices: [['VERIFIED', t('staff.decision.verify')], ['REJECTED', t('staff.decision.reject')]],
					onChange: value => { decision.outcome = value; draw(); } })}
				${decision.outcome === 'REJECTED' ? select({ name: 'reasonCode', label: t('staff.decision.reason'),
					value: decision.reasonCode, error: errors.reasonCode, required: true,
					choices: [['', t('staff.decision.chooseReason')], ...REASONS.map(code => [code, `${code} — ${t(`staff.reason.${code}`)}`])],
					onChange: value => decision.reasonCode = value }) : nothing}
				${textarea({ name: 'comment', label: decision.outcome === 'REJECTED' ? t('staff.decision.commentForApplicant') : t('staff.decision.comment'),
					hint: decision.outcome === 'REJECTED' ? t('staff.decision.commentHint') : t('staff.decision.noteHint'),
					value: decision.comment, error: errors.comment, required: decision.outcome === 'REJECTED',
					maxlength: MAX_COMMENT, onInput: value => decision.comment = value })}
				<div class="actions">
					<button class="button ${decision.outcome === 'REJECTED' ? 'danger' : ''}" type="submit" ?disabled="${busy}"
						aria-disabled="${busy}">${busy ? t('staff.decision.saving') : t('staff.decision.save')}</button>
				</div>
			</form>
		</section>`;
	}

	function draw() {
		ctx.title(t('staff.application.title', { number: app.number }));
		ctx.view(html`
			<p><a href="/staff/applications">${t('staff.application.back')}</a></p>
			<h1>${t('staff.application.title', { number: app.number })}</h1>
			${problemSummary(problem, { outcome: t('staff.decision.outcome'), reasonCode: t('staff.decision.reason'),
				comment: t('staff.decision.comment') })}
			${notice ? html`<p class="notice" role="status" id="decision-result" tabindex="-1">${notice}</p>` : nothing}
			${facts([
				[t('staff.application.status'), statusBadge(app.status)],
				[t('staff.application.category'), categoryName(app.category)],
				[t('staff.application.submitted'), dateTime(app.submittedAt)],
				app.status === 'SUBMITTED' ? [t('staff.application.deadline'), deadline(app.verificationDeadline, app.workingDaysLeft, { working: true })] : null,
			])}
			${decisionView()}
			${unsentView()}
			<section aria-labelledby="assessment-heading">
				<h2 id="assessment-heading">${t('staff.assessment.title')}</h2>
				${assessmentView()}
			</section>
			<section aria-labelledby="documents-heading">
				<h2 id="documents-heading">${t('staff.documents.title')}</h2>
				${documentsView()}
			</section>
			<section aria-labelledby="form-heading">
				<h2 id="form-heading">${t('staff.form.title')}</h2>
				${formView()}
			</section>
			${decisionForm()}`);
	}
	draw();
}
