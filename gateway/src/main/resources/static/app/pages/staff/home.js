// The staff's start: the areas their roles open.
import { html, nothing } from '../../lit.js';
import { t } from '../../i18n.js';
import { hasRole } from '../../session.js';

export default async function staffHome(ctx) {
	ctx.title(t('staff.title'));
	ctx.view(html`
		<h1>${t('staff.title')}</h1>
		<div class="cards">
			${hasRole('akimat-officer') ? html`
				<section class="card"><h2>${t('staff.applications.title')}</h2><p>${t('staff.applications.text')}</p>
					<a class="button" href="/staff/applications">${t('staff.applications.open')}</a></section>
				<section class="card"><h2>${t('staff.lists.title')}</h2><p>${t('staff.lists.text')}</p>
					<a class="button" href="/staff/lists">${t('staff.lists.open')}</a></section>` : nothing}
			${hasRole('bank-officer') ? html`
				<section class="card"><h2>${t('staff.directions.title')}</h2><p>${t('staff.directions.text')}</p>
					<a class="button" href="/bank/directions">${t('staff.directions.open')}</a></section>` : nothing}
		</div>`);
}
