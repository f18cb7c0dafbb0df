// The cabinet's login (DOMAIN I3): user type, account number and IIN, then the password. A wrong password says how
// many attempts are left; a locked login says until when.
import { html, nothing } from '../../lit.js';
import { dateTime, t } from '../../i18n.js';
import { citizenLogin } from '../../session.js';
import { focusProblem, input, problemSummary, select } from '../../ui.js';

export default async function login(ctx) {
	const form = { userType: 'CLIENT', accountNumber: '', iin: '', password: '' };
	let step = 'account';
	let problem = null;
	let busy = false;

	const labels = () => ({
		userType: t('login.userType'), accountNumber: t('login.accountNumber'), iin: t('login.iin'),
		password: t('login.password'),
	});

	function next(event) {
		event.preventDefault();
		problem = null;
		const errors = {};
		if (!/^\d{12}$/.test(form.accountNumber)) {
			errors.accountNumber = t('login.accountNumber.invalid');
		}
		if (!/^\d{12}$/.test(form.iin)) {
			errors.iin = t('login.iin.invalid');
		}
		if (Object.keys(errors).length) {
			problem = { title: t('login.check'), fields: errors };
			draw();
			focusProblem();
			return;
		}
		step = 'password';
		draw();
		document.getElementById('password')?.focus();
	}

	async function submit(event) {
		event.preventDefault();
		busy = true;
		problem = null;
		draw();
		const answer = await citizenLogin(form);
		busy = false;
		if (answer.session) {
			ctx.navigate(ctx.query.get('next') || '/cabinet');
			return;
		}
		const body = answer.problem;
		const extra = body.attemptsLeft !== undefined ? t('login.attemptsLeft', { count: body.attemptsLeft })
			: body.lockedUntil ? t('login.lockedUntil', { time: dateTime(body.lockedUntil) }) : '';
		problem = { title: body.title, detail: [body.detail, extra].filter(Boolean).join(' '),
			fields: Object.fromEntries((body.errors ?? []).map(e => [e.field, e.message])) };
		form.password = '';
		draw();
		focusProblem();
	}

	function draw() {
		ctx.title(t('login.title'));
		ctx.view(html`
			<h1>${t('login.title')}</h1>
			${problemSummary(problem, labels())}
			${step === 'account' ? html`
				<form @submit="${next}" novalidate>
					${select({ name: 'userType', label: t('login.userType'), value: form.userType,
						choices: [['CLIENT', t('login.userType.CLIENT')], ['CO_INVESTOR', t('login.userType.CO_INVESTOR')]],
						onChange: value => form.userType = value })}
					${input({ name: 'accountNumber', label: t('login.accountNumber'), hint: t('login.accountNumber.hint'),
						value: form.accountNumber, inputmode: 'numeric', autocomplete: 'username', maxlength: 12,
						required: true, className: 'short', error: problem?.fields?.accountNumber,
						onInput: value => form.accountNumber = value.trim() })}
					${input({ name: 'iin', label: t('login.iin'), hint: t('login.iin.hint'), value: form.iin,
						inputmode: 'numeric', maxlength: 12, required: true, className: 'short',
						error: problem?.fields?.iin, onInput: value => form.iin = value.trim() })}
					<div class="actions"><button class="button" type="submit">${t('ui.continue')}</button></div>
				</form>` : html`
				<form @submit="${submit}" novalidate>
					<p>${t('login.signingInAs', { account: form.accountNumber })}
						<button type="button" class="link" @click="${() => { step = 'account'; problem = null; draw(); }}">
							${t('login.change')}</button></p>
					<input type="hidden" name="username" autocomplete="username" .value="${form.iin}">
					${input({ name: 'password', label: t('login.password'), type: 'password', value: form.password,
						autocomplete: 'current-password', required: true, error: problem?.fields?.password,
						onInput: value => form.password = value })}
					<div class="actions">
						<button class="button" type="submit" ?disabled="${busy}" aria-disabled="${busy}">
							${busy ? t('login.signingIn') : t('login.submit')}</button>
					</div>
				</form>`}
			<ul>
				<li><a href="/cabinet/password-reset">${t('login.forgot')}</a></li>
				<li><a href="/cabinet/registration">${t('login.register')}</a></li>
			</ul>
			${busy ? html`<p role="status" class="visually-hidden">${t('login.signingIn')}</p>` : nothing}`);
	}
	draw();
}
