import { html } from '../lit.js';
import { t } from '../i18n.js';

export default async function notFound(ctx) {
	ctx.title(t('notFound.title'));
	ctx.view(html`<h1>${t('notFound.title')}</h1><p>${t('notFound.text')}</p><p><a href="/">${t('nav.home')}</a></p>`);
}
