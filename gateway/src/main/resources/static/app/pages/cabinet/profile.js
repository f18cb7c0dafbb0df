// The client's profile (DOMAIN I4): the company's record of the person, and the email — confirmed (a tick) or not —
// with a form to set one; the confirmation letter's link opens /cabinet/email-confirmation.
import { html, nothing } from '../../lit.js';
import { date, dateTime, t } from '../../i18n.js';
import { api, Problem } from '../../api.js';
import { focusAnswer, focusProblem, input, loading, problemSummary } from '../../ui.js';
import { emailBadge } from './home.js';

export default async function profile(ctx) {
	ctx.title(t('cabinet.profile.title'));
	ctx.view(html`<h1>${t('cabinet.profile.title')}</h1>${loading()}`);
	let person = await api('/api/cabinet/v1/profile');
	let email = '';
	let problem = null;
	let sent = null;
	let busy = false;

	async function setEmail(event) {
		event.preventDefault();
		problem = null;
		sent = null;
		if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
			problem = { title: t('cabinet.form.check'), fields: { email: t('cabinet.email.invalid') } };
			draw();
			focusProblem();
			return;
		}
		busy = true;
		draw();
		try {
			sent = await api('/api/identity/v1/me/email', { method: 'PUT', json: { email: email.trim() } });
			email = '';
			person = await api('/api/cabinet/v1/profile');
		}
		catch (error) {
			if (!(error instanceof Problem)) {
				throw error;
			}
			problem = error;
		}
		busy = false;
		draw();
		focusAnswer(problem, 'email-sent');
	}

	const fact = (label, value) => html`<dt>${label}</dt><dd>${value || '—'}</dd>`;

	function draw() {
		// the address just asked for, even while the cabinet has not heard of it yet (its event is on the way) and still
		// has the previous, confirmed one; after a reload the cabinet's own (the pending one, unconfirmed)
		const shownEmail = sent ? sent.email : person.email;
		ctx.view(html`
			<h1>${t('cabinet.profile.title')}</h1>
			<section class="card" aria-labelledby="profile-person">
				<h2 id="profile-person">${t('cabinet.profile.person')}</h2>
				<dl class="facts">
					${fact(t('cabinet.profile.surname'), person.surname)}
					${fact(t('cabinet.profile.firstName'), person.firstName)}
					${fact(t('cabinet.profile.patronymic'), person.patronymic)}
					${fact(t('cabinet.profile.sex'), t(`cabinet.profile.sex.${person.sex}`))}
					${fact(t('cabinet.profile.birthDate'), date(person.birthDate))}
					${fact(t('cabinet.profile.iin'), person.iin)}
					${fact(t('cabinet.profile.accountNumber'), person.accountNumber)}
					${fact(t('cabinet.profile.mobile'), person.mobile)}
				</dl>
			</section>
			<section class="card" aria-labelledby="profile-document">
				<h2 id="profile-document">${t('cabinet.profile.document')}</h2>
				<dl class="facts">
					${fact(t('cabinet.profile.idDocumentNumber'), person.idDocumentNumber)}
					${fact(t('cabinet.profile.idDocumentIssuedOn'), person.idDocumentIssuedOn && date(person.idDocumentIssuedOn))}
					${fact(t('cabinet.profile.idDocumentExpiresOn'), person.idDocumentExpiresOn && date(person.idDocumentExpiresOn))}
					${fact(t('cabinet.profile.idDocumentAuthority'), person.idDocumentAuthority)}
				</dl>
			</section>
			<section class="card" aria-labelledby="profile-email">
				<h2 id="profile-email">${t('cabinet.profile.email')}</h2>
				<p>${shownEmail ? html`${shownEmail} ${emailBadge(person.emailVerified && person.email === shownEmail)}`
					: t('cabinet.profile.email.none')}</p>
				${sent ? html`<div class="notice" role="status" id="email-sent" tabindex="-1">
					<p>${t('cabinet.email.sent', { email: sent.email, time: dateTime(sent.linkExpiresAt) })}</p></div>` : nothing}
				${problemSummary(problem, { email: t('cabinet.email.new') })}
				<form @submit="${setEmail}" novalidate>
					${input({ name: 'email', label: t('cabinet.email.new'), type: 'email', autocomplete: 'email', value: email,
						required: true, hint: t('cabinet.email.hint'), error: problem?.fields?.email, onInput: value => email = value })}
					<div class="actions"><button class="button" type="submit" ?disabled="${busy}">${t('cabinet.email.send')}</button></div>
				</form>
			</section>
			<p><a href="/cabinet">${t('cabinet.backHome')}</a></p>`);
	}
	draw();
}
