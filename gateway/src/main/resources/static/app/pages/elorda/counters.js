// DOMAIN A5 for anybody: how many applications the open edition has taken, in total and per category.
import { html } from '../../lit.js';
import { dateTime, number, t } from '../../i18n.js';
import { api } from '../../api.js';
import { loading } from '../../ui.js';
import { CATEGORIES, ELORDA, categoryName, elordaNav } from './common.js';

export default async function counters(ctx) {
	ctx.title(t('elorda.counters.title'));
	ctx.view(html`<h1>${t('elorda.counters.title')}</h1>${elordaNav('/elorda/counters')}${loading()}`);
	let counted;
	try {
		counted = await api(`${ELORDA}/editions/current/counters`);
	}
	catch (problem) {
		if (problem.status !== 404) {
			throw problem;
		}
		ctx.view(html`<h1>${t('elorda.counters.title')}</h1>${elordaNav('/elorda/counters')}
			<div class="warning"><p>${t('elorda.terms.closed')}</p></div>`);
		return;
	}
	const order = category => CATEGORIES.indexOf(category);
	const rows = Object.entries(counted.categories).sort(([a], [b]) => order(a) - order(b));
	ctx.view(html`
		<h1>${t('elorda.counters.title')}</h1>
		${elordaNav('/elorda/counters')}
		<p class="lead">${t('elorda.counters.total', { total: number(counted.total) })}</p>
		<div class="table-scroll"><table>
			<caption>${t('elorda.counters.caption', { time: dateTime(counted.asOf) })}</caption>
			<thead><tr><th scope="col">${t('elorda.form.category')}</th><th scope="col" class="number">${t('elorda.counters.submitted')}</th></tr></thead>
			<tbody>${rows.map(([category, count]) => html`<tr><th scope="row">${categoryName(category)}</th>
				<td class="number">${number(count)}</td></tr>`)}</tbody>
			<tfoot><tr><th scope="row">${t('elorda.counters.all')}</th><td class="number">${number(counted.total)}</td></tr></tfoot>
		</table></div>
		<p><a href="/elorda/lists">${t('elorda.nav.lists')}</a></p>`);
}
