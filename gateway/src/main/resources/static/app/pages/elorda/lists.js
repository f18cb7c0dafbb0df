// The public ranked lists (DOMAIN S4): per edition and category, positions and points with the IINs masked, in pages.
// The edition, category, page and size are in the address, so a list can be bookmarked and shared.
import { html } from '../../lit.js';
import { number, t } from '../../i18n.js';
import { api, query } from '../../api.js';
import { loading, pager } from '../../ui.js';
import { CATEGORIES, PROGRAMME, SCORING, categoryName, elordaNav, scoringCategory, today } from './common.js';

const SIZES = [20, 50, 100];

export default async function lists(ctx) {
	const year = Number(today().slice(0, 4));
	const editions = [year, year - 1, year - 2, year - 3, year - 4].filter(y => y >= 2022).map(String);
	const edition = editions.includes(ctx.query.get('edition')) ? ctx.query.get('edition') : editions[0];
	const category = CATEGORIES.includes(ctx.query.get('category')) ? ctx.query.get('category') : CATEGORIES[0];
	const size = SIZES.includes(Number(ctx.query.get('size'))) ? Number(ctx.query.get('size')) : SIZES[0];
	const page = Math.max(0, Number.parseInt(ctx.query.get('page') ?? '0', 10) || 0);
	const href = changes => `/elorda/lists${query({ edition, category, size, page, ...changes })}`;

	function frame(content) {
		ctx.title(t('elorda.lists.title'));
		ctx.view(html`
			<h1>${t('elorda.lists.title')}</h1>
			${elordaNav('/elorda/lists')}
			<p>${t('elorda.lists.lead')}</p>
			<form class="filters" method="get" action="/elorda/lists" @submit="${event => {
				event.preventDefault();
				const data = new FormData(event.target);
				ctx.navigate(href({ edition: data.get('edition'), category: data.get('category'), size: data.get('size'), page: 0 }));
			}}">
				<div class="field"><label for="edition">${t('elorda.lists.edition')}</label>
					<select id="edition" name="edition">${editions.map(e => html`<option value="${e}" ?selected="${e === edition}">${e}</option>`)}</select></div>
				<div class="field"><label for="category">${t('elorda.form.category')}</label>
					<select id="category" name="category">${CATEGORIES.map(c => html`<option value="${c}" ?selected="${c === category}">${categoryName(c)}</option>`)}</select></div>
				<div class="field"><label for="size">${t('elorda.lists.size')}</label>
					<select id="size" name="size">${SIZES.map(s => html`<option value="${s}" ?selected="${s === size}">${s}</option>`)}</select></div>
				<div class="actions"><button class="button" type="submit">${t('elorda.lists.show')}</button></div>
			</form>
			${content}`);
	}

	frame(loading());
	const list = await api(`${SCORING}/programmes/${PROGRAMME}/editions/${edition}/lists/${scoringCategory(category)}${query({ page, size })}`);
	const caption = t('elorda.lists.caption', { category: categoryName(category), edition, total: number(list.total) });
	frame(list.items.length === 0 ? html`<p class="muted" role="status">${t('elorda.lists.empty', { category: categoryName(category), edition })}</p>` : html`
		<div class="table-scroll"><table>
			<caption>${caption}</caption>
			<thead><tr><th scope="col" class="number">${t('elorda.lists.position')}</th><th scope="col">${t('elorda.lists.iin')}</th>
				<th scope="col" class="number">${t('elorda.lists.points')}</th></tr></thead>
			<tbody>${list.items.map(row => html`<tr><td class="number">${number(row.position)}</td>
				<td class="iin">${row.iin}</td><td class="number">${row.points}</td></tr>`)}</tbody>
		</table></div>
		${pager({ page, size, total: list.total, href: p => href({ page: p }), label: t('elorda.lists.pages') })}`);
}
