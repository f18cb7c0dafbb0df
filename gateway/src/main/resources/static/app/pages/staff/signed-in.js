// Where Keycloak sends staff back after their login: the code is exchanged for the token, then on to the screen
// they wanted.
import { html } from '../../lit.js';
import { t } from '../../i18n.js';
import { completeStaffLogin } from '../../session.js';

export default async function signedIn(ctx) {
	ctx.title(t('staffLogin.title'));
	ctx.view(html`<h1>${t('staffLogin.title')}</h1><p role="status">${t('staffLogin.completing')}</p>`);
	try {
		ctx.navigate(await completeStaffLogin(ctx.query), { replace: true });
	}
	catch (error) {
		ctx.view(html`<h1>${t('staffLogin.title')}</h1>
			<div class="alert" role="alert"><p>${t('staffLogin.failed')}</p></div>
			<p><a href="/staff/login">${t('staffLogin.again')}</a></p>`);
	}
}
