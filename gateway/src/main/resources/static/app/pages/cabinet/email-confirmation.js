// The screen the link in the confirmation letter opens (DOMAIN I4): /cabinet/email-confirmation?token=…. Opening it
// confirms nothing (mail scanners open links too); the button posts the token. Anybody may open it, signed in or not.
// The gateway serves this address with no-store and Referrer-Policy: no-referrer, so the token stays here.
import { html, nothing } from '../../lit.js';
import { t } from '../../i18n.js';
import { api, Problem } from '../../api.js';
import { current } from '../../session.js';
import { problemSummary } from '../../ui.js';

export default async function emailConfirmation(ctx) {
	const token = ctx.query.get('token');
	let problem = token ? null : { title: t('cabinet.emailConfirmation.missing.title'), detail: t('cabinet.emailConfirmation.missing.text') };
	let confirmed = null;
	let busy = false;

	async function confirm() {
		busy = true;
		problem = null;
		draw();
		try {
			confirmed = await api('/api/identity/v1/email-confirmations', { json: { token } });
		}
		catch (error) {
			if (!(error instanceof Problem)) {
				throw error;
			}
			problem = error;
		}
		busy = false;
		draw();
		requestAnimationFrame(() => document.getElementById(confirmed ? 'confirmed' : 'problem')?.focus());
	}

	function draw() {
		ctx.title(t('cabinet.emailConfirmation.title'));
		ctx.view(html`
			<h1>${t('cabinet.emailConfirmation.title')}</h1>
			${problemSummary(problem)}
			${confirmed ? html`<div class="notice" role="status" id="confirmed" tabindex="-1">
					<p><span aria-hidden="true">✓ </span>${t('cabinet.emailConfirmation.done', { email: confirmed.email })}</p>
				</div>
				<p><a href="${current() ? '/cabinet/profile' : '/cabinet/login'}">${current()
					? t('cabinet.emailConfirmation.toProfile') : t('cabinet.emailConfirmation.toLogin')}</a></p>`
			: token ? html`<p>${t('cabinet.emailConfirmation.lead')}</p>
				<div class="actions"><button class="button" type="button" ?disabled="${busy}" @click="${confirm}">
					${busy ? t('cabinet.emailConfirmation.confirming') : t('cabinet.emailConfirmation.confirm')}</button></div>`
			: nothing}`);
	}
	draw();
}
