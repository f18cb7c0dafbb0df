// The two ways to a password by a code sent by SMS (identity-service): the primary authorization (DOMAIN I1, I2:
// contract details, consent and "I am not a robot" → the code → the password) and the forgotten password (DOMAIN I3:
// account, IIN and mobile → the code → a new password). The answer to the first step is the same whether the values
// match the company's records or not; only a match sends the code.
import { html, nothing } from '../../lit.js';
import { dateTime, t } from '../../i18n.js';
import { api, Problem } from '../../api.js';
import { config } from '../../session.js';
import { checkbox, focusProblem, input, problemSummary, select } from '../../ui.js';
import { passwordRules, rulesMet } from './password-rules.js';

const FLOWS = {
	registration: {
		api: '/api/identity/v1/registrations',
		texts: 'cabinet.registration',
		fields: ['userType', 'accountNumber', 'iin', 'contractNumber', 'contractDate', 'mobile'],
	},
	reset: {
		api: '/api/identity/v1/password-resets',
		texts: 'cabinet.reset',
		fields: ['accountNumber', 'iin', 'mobile'],
	},
};
const STEPS = ['details', 'code', 'password'];

export async function codeFlow(ctx, kind) {
	const flow = FLOWS[kind];
	const path = location.pathname;
	const { captcha = 'demo' } = await config();
	const form = { userType: 'CLIENT', accountNumber: '', iin: '', contractNumber: '', contractDate: '', mobile: '',
		termsAccepted: false, captchaToken: '', code: '', password: '', repeated: '' };
	let step = 'details';
	let challenge = null;
	let problem = null;
	let busy = false;
	let timer = null;

	const text = (key, params) => t(`${flow.texts}.${key}`, params);
	const labels = () => ({
		userType: t('cabinet.field.userType'), accountNumber: t('cabinet.field.accountNumber'), iin: t('cabinet.field.iin'),
		contractNumber: t('cabinet.field.contractNumber'), contractDate: t('cabinet.field.contractDate'),
		mobile: t('cabinet.field.mobile'), termsAccepted: t('cabinet.field.terms'), captchaToken: t('cabinet.field.captcha'),
		code: t('cabinet.field.code'), password: t('cabinet.field.newPassword'), repeated: t('cabinet.field.repeated'),
	});

	function secondsToResend() {
		return challenge ? Math.max(0, Math.ceil((Date.parse(challenge.resendableAt) - Date.now()) / 1000)) : 0;
	}

	/** Redraws each second while the resend waits; stops when it may, or when the person has left the screen. */
	function countDown() {
		clearInterval(timer);
		timer = setInterval(() => {
			if (location.pathname !== path || step !== 'code') {
				clearInterval(timer);
				return;
			}
			draw();
			if (secondsToResend() === 0) {
				clearInterval(timer);
			}
		}, 1000);
	}

	function refused(error, extra = {}) {
		if (!(error instanceof Problem)) {
			throw error;
		}
		const body = error.body;
		const notes = [error.detail];
		if (body.triesLeft !== undefined) {
			notes.push(t('cabinet.code.triesLeft', { count: body.triesLeft }));
		}
		problem = { title: error.title, detail: notes.filter(Boolean).join(' '), fields: { ...error.fields, ...extra },
			restart: body.code === 'registration-expired' || body.code === 'reset-expired' };
	}

	function checkDetails() {
		const errors = {};
		const need = (field, ok, message) => {
			if (flow.fields.includes(field) && !ok) {
				errors[field] = message;
			}
		};
		need('accountNumber', /^\d{12}$/.test(form.accountNumber), t('cabinet.field.accountNumber.invalid'));
		need('iin', /^\d{12}$/.test(form.iin), t('cabinet.field.iin.invalid'));
		need('contractNumber', form.contractNumber.trim() !== '', t('cabinet.field.contractNumber.missing'));
		need('contractDate', /^\d{4}-\d{2}-\d{2}$/.test(form.contractDate), t('cabinet.field.contractDate.missing'));
		need('mobile', form.mobile.replace(/\D/g, '').length >= 10, t('cabinet.field.mobile.invalid'));
		if (kind === 'registration' && !form.termsAccepted) {
			errors.termsAccepted = t('cabinet.field.terms.missing');
		}
		if (!form.captchaToken) {
			errors.captchaToken = t('cabinet.field.captcha.missing');
		}
		return errors;
	}

	async function start(event) {
		event.preventDefault();
		problem = null;
		const errors = checkDetails();
		if (Object.keys(errors).length) {
			problem = { title: t('cabinet.form.check'), fields: errors };
			draw();
			focusProblem();
			return;
		}
		const body = Object.fromEntries(flow.fields.map(field => [field, form[field].trim()]));
		body.captchaToken = form.captchaToken;
		if (kind === 'registration') {
			body.termsAccepted = true;
		}
		await send(async () => {
			challenge = await api(flow.api, { json: body });
			moveTo('code');
			countDown();
		});
	}

	async function resend() {
		await send(async () => {
			challenge = { ...challenge, ...await api(`${flow.api}/${challenge.challengeId}/resend`, { method: 'POST' }) };
			form.code = '';
			problem = null;
			draw();
			document.getElementById('code-sent')?.focus();
			countDown();
		});
	}

	async function confirm(event) {
		event.preventDefault();
		problem = null;
		if (!/^\d{6}$/.test(form.code.trim())) {
			problem = { title: t('cabinet.form.check'), fields: { code: t('cabinet.field.code.invalid') } };
			draw();
			focusProblem();
			return;
		}
		await send(async () => {
			await api(`${flow.api}/${challenge.challengeId}/code`, { json: { code: form.code.trim() } });
			moveTo('password');
		}, { code: t('cabinet.field.code.wrong') });
	}

	async function setPassword(event) {
		event.preventDefault();
		problem = null;
		if (!rulesMet(form.password, form.repeated, [form.iin, form.accountNumber])) {
			problem = { title: t('cabinet.form.check'), fields: { password: t('cabinet.password.notYet') } };
			draw();
			focusProblem();
			return;
		}
		await send(async () => {
			await api(`${flow.api}/${challenge.challengeId}/password`,
				{ json: { password: form.password, repeated: form.repeated } });
			form.password = form.repeated = '';
			moveTo('done');
		});
	}

	/** Calls the API with the form busy; a refusal is shown above the form, with what was typed kept. */
	async function send(call, fieldsOnRefusal = {}) {
		busy = true;
		draw();
		try {
			await call();
		}
		catch (error) {
			refused(error, error instanceof Problem && error.body.code === 'code-invalid' ? fieldsOnRefusal : {});
			draw();
			focusProblem();
		}
		finally {
			busy = false;
			draw();
		}
	}

	function moveTo(next) {
		step = next;
		problem = null;
		busy = false;
		draw();
		requestAnimationFrame(() => document.getElementById('step-title')?.focus());
	}

	function steps() {
		const current = STEPS.indexOf(step);
		return html`<ol class="steps" aria-label="${t('cabinet.steps')}">${STEPS.map((name, i) => html`<li
			aria-current="${i === current ? 'step' : nothing}">${t(`cabinet.step.${name}`)}<span class="visually-hidden">${
			i < current || step === 'done' ? ` — ${t('cabinet.step.done')}` : ''}</span></li>`)}</ol>`;
	}

	function captchaControl() {
		// the local run's simulated provider accepts any token: a plain checkbox gives "demo" (portal.captcha)
		return checkbox({ name: 'captchaToken', label: t('cabinet.field.captcha'), checked: Boolean(form.captchaToken),
			hint: captcha === 'demo' ? t('cabinet.field.captcha.demo') : undefined,
			error: problem?.fields?.captchaToken, onChange: checked => form.captchaToken = checked ? 'demo' : '' });
	}

	function field(name, options = {}) {
		return input({ name, label: labels()[name], value: form[name], required: true, error: problem?.fields?.[name],
			onInput: value => form[name] = value, ...options });
	}

	function detailsStep() {
		return html`<h2 id="step-title" tabindex="-1">${t('cabinet.step.details')}</h2>
			<p>${text('detailsLead')}</p>
			<form @submit="${start}" novalidate>
				${flow.fields.includes('userType') ? select({ name: 'userType', label: labels().userType, value: form.userType,
					choices: [['CLIENT', t('login.userType.CLIENT')], ['CO_INVESTOR', t('login.userType.CO_INVESTOR')]],
					onChange: value => form.userType = value }) : nothing}
				${field('accountNumber', { hint: t('login.accountNumber.hint'), inputmode: 'numeric', maxlength: 12,
					className: 'short', autocomplete: 'username' })}
				${field('iin', { hint: t('login.iin.hint'), inputmode: 'numeric', maxlength: 12, className: 'short' })}
				${flow.fields.includes('contractNumber') ? field('contractNumber', { hint: t('cabinet.field.contractNumber.hint') }) : nothing}
				${flow.fields.includes('contractDate') ? field('contractDate', { type: 'date', className: 'short' }) : nothing}
				${field('mobile', { type: 'tel', hint: t('cabinet.field.mobile.hint'), autocomplete: 'tel' })}
				${kind === 'registration' ? checkbox({ name: 'termsAccepted', label: t('cabinet.field.terms'),
					checked: form.termsAccepted, error: problem?.fields?.termsAccepted,
					onChange: checked => form.termsAccepted = checked }) : nothing}
				${captchaControl()}
				<div class="actions"><button class="button" type="submit" ?disabled="${busy}">
					${busy ? t('cabinet.code.sending') : t('cabinet.code.get')}</button></div>
			</form>`;
	}

	function codeStep() {
		const wait = secondsToResend();
		return html`<h2 id="step-title" tabindex="-1">${t('cabinet.step.code')}</h2>
			<p id="code-sent" tabindex="-1">${t('cabinet.code.sent', { mobile: form.mobile, time: dateTime(challenge.expiresAt) })}</p>
			<form @submit="${confirm}" novalidate>
				${field('code', { inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 6, className: 'short',
					hint: t('cabinet.field.code.hint') })}
				<div class="actions"><button class="button" type="submit" ?disabled="${busy}">${t('cabinet.code.confirm')}</button></div>
			</form>
			<p>${wait > 0 ? t('cabinet.code.resendIn', { seconds: wait }) : t('cabinet.code.resendNow')}</p>
			<p><button class="button secondary" type="button" ?disabled="${wait > 0 || busy}" @click="${resend}">
				${t('cabinet.code.resend')}</button></p>`;
	}

	function passwordStep() {
		return html`<h2 id="step-title" tabindex="-1">${t('cabinet.step.password')}</h2>
			<form @submit="${setPassword}" novalidate>
				<input type="hidden" name="username" autocomplete="username" .value="${form.iin}">
				${field('password', { type: 'password', autocomplete: 'new-password', hint: t('cabinet.password.hint'),
					onInput: value => { form.password = value; draw(); } })}
				${passwordRules(form.password, form.repeated, [form.iin, form.accountNumber])}
				${field('repeated', { type: 'password', autocomplete: 'new-password',
					onInput: value => { form.repeated = value; draw(); } })}
				<div class="actions"><button class="button" type="submit" ?disabled="${busy}">${text('save')}</button></div>
			</form>`;
	}

	function doneStep() {
		return html`<div class="notice" role="status">
				<h2 id="step-title" tabindex="-1">${text('doneTitle')}</h2>
				<p>${text('doneText')}</p>
			</div>
			<p><a class="button" href="/cabinet/login">${t('cabinet.registration.toLogin')}</a></p>`;
	}

	function draw() {
		ctx.title(text('title'));
		const body = { details: detailsStep, code: codeStep, password: passwordStep, done: doneStep }[step]();
		ctx.view(html`
			<h1>${text('title')}</h1>
			${steps()}
			${problemSummary(problem, labels())}
			${problem?.restart ? html`<p><button type="button" class="link" @click="${restart}">${text('restart')}</button></p>` : nothing}
			${body}
			${step === 'details' ? html`<p><a href="/cabinet/login">${t('cabinet.registration.haveAccount')}</a></p>` : nothing}`);
	}

	function restart() {
		challenge = null;
		form.code = form.password = form.repeated = '';
		form.captchaToken = '';
		moveTo('details');
	}

	draw();
}
