// Questions and answers (DOMAIN I5), for anybody: keyword search, answers that open and close (details/summary), the
// page size and paging «1 - 10 из N». The words, size and page are in the address.
import { html } from '../../lit.js';
import { number, t } from '../../i18n.js';
import { api } from '../../api.js';
import { loading, pager, sizeChooser } from '../../ui.js';
import { address, wholeNumber } from './common.js';

const SIZES = [5, 10, 20];

export default async function faq(ctx) {
	const q = (ctx.query.get('q') ?? '').trim().slice(0, 200);
	const size = wholeNumber(ctx.query.get('size'), 10, SIZES);
	const page = wholeNumber(ctx.query.get('page'), 0);
	const here = (changes) => address('/cabinet/faq', { q, size: size === 10 ? null : size, page: null, ...changes });

	ctx.title(t('cabinet.faq.title'));
	ctx.view(html`<h1>${t('cabinet.faq.title')}</h1>${loading()}`);
	const answers = await api(`/api/cabinet/v1/faq${address('', { q, page, size })}`);
	const from = answers.total === 0 ? 0 : page * size + 1;
	const to = Math.min(answers.total, page * size + answers.items.length);

	function search(event) {
		event.preventDefault();
		ctx.navigate(here({ q: new FormData(event.target).get('q').trim() }));
	}

	ctx.view(html`
		<h1>${t('cabinet.faq.title')}</h1>
		<form class="search" role="search" @submit="${search}">
			<div class="field">
				<label for="q">${t('cabinet.faq.search')}</label>
				<input id="q" name="q" type="search" .value="${q}" maxlength="200" autocomplete="off">
			</div>
			<button class="button" type="submit">${t('cabinet.faq.find')}</button>
		</form>
		${q ? html`<p>${t('cabinet.faq.results', { q })} <a href="${address('/cabinet/faq', { size: size === 10 ? null : size })}">${t('cabinet.faq.clear')}</a></p>` : ''}
		${sizeChooser({ sizes: SIZES, size, label: t('cabinet.list.size'), href: choice => here({ size: choice === 10 ? null : choice }) })}
		<p class="muted" role="status">${answers.total === 0 ? t('cabinet.faq.none')
			: t('cabinet.list.range', { from: number(from), to: number(to), total: number(answers.total) })}</p>
		${answers.items.map(item => html`<details class="entry">
			<summary>${item.question}</summary>
			<div>${item.answer.split(/\n\s*\n/).map(paragraph => html`<p>${paragraph}</p>`)}</div>
		</details>`)}
		${pager({ page, size, total: answers.total, label: t('cabinet.faq.pages'), href: p => here({ page: p || null }) })}`);
}
