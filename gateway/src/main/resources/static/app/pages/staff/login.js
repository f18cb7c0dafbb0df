// Staff sign in on Keycloak's own page (authorization code with PKCE): the portal never sees their password.
import { html } from '../../lit.js';
import { t } from '../../i18n.js';
import { staffLogin } from '../../session.js';

export default async function login(ctx) {
	ctx.title(t('staffLogin.title'));
	ctx.view(html`
		<h1>${t('staffLogin.title')}</h1>
		<p>${t('staffLogin.text')}</p>
		<div class="actions">
			<button class="button" type="button" @click="${() => staffLogin(ctx.query.get('next') || '/staff')}">
				${t('staffLogin.submit')}</button>
		</div>`);
}
