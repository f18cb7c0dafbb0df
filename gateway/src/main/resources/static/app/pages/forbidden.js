import { html } from '../lit.js';
import { t } from '../i18n.js';

export default async function forbidden(ctx) {
	ctx.title(t('forbidden.title'));
	ctx.view(html`<h1>${t('forbidden.title')}</h1><p>${t('forbidden.text')}</p><p><a href="/">${t('nav.home')}</a></p>`);
}
