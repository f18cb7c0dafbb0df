// The payment schedule of one of the client's contracts (DOMAIN I7, I8): each row's date, accrued payment, principal,
// interest, write-off and status (text in a badge, not colour alone); filtered by year, 10/20/50 rows a page, paged;
// the contract, year, size and page are in the address, so every view can be bookmarked and shared with oneself.
import { html, nothing } from '../../lit.js';
import { money, number, shortDate, t } from '../../i18n.js';
import { api, Problem } from '../../api.js';
import { loading, pager, select, sizeChooser } from '../../ui.js';
import { address, contractNotFound, contractSwitcher, wholeNumber } from './common.js';

const SIZES = [10, 20, 50];
const BADGES = { PAID: 'ok', OVERDUE: 'error', AWAITING_WRITE_OFF: '' };

export default async function schedule(ctx) {
	const id = ctx.params.id;
	const size = wholeNumber(ctx.query.get('size'), 10, SIZES);
	const page = wholeNumber(ctx.query.get('page'), 0);
	const year = ctx.query.get('year') && /^\d{4}$/.test(ctx.query.get('year')) ? Number(ctx.query.get('year')) : null;
	const here = (changes) => address(`/cabinet/contracts/${id}/schedule`, { year, size: size === 10 ? null : size,
		page: null, ...changes });

	ctx.title(t('cabinet.schedule.title'));
	ctx.view(html`<h1>${t('cabinet.schedule.title')}</h1>${loading()}`);
	let rows;
	let contracts;
	try {
		[rows, contracts] = await Promise.all([
			api(`/api/cabinet/v1/contracts/${encodeURIComponent(id)}/schedule${address('', { year, page, size })}`),
			api('/api/cabinet/v1/contracts'),
		]);
	}
	catch (error) {
		if (error instanceof Problem && (error.status === 404 || error.status === 400)) {
			contractNotFound(ctx);
			return;
		}
		throw error;
	}
	const contract = contracts.find(c => c.id === id);
	if (!contract) {
		contractNotFound(ctx);
		return;
	}
	const from = rows.total === 0 ? 0 : page * size + 1;
	const to = Math.min(rows.total, (page + 1) * size);
	const caption = year ? t('cabinet.schedule.captionYear', { number: contract.number, year })
		: t('cabinet.schedule.caption', { number: contract.number });

	function filter(event) {
		event.preventDefault();
		const chosen = new FormData(event.target).get('year');
		ctx.navigate(here({ year: chosen || null }));
	}

	ctx.view(html`
		<h1>${t('cabinet.schedule.title')}</h1>
		<p class="lead">${t('cabinet.contract.number', { number: contract.number })}</p>
		${contractSwitcher(contracts, id, other => address(`/cabinet/contracts/${other.id}/schedule`,
			{ size: size === 10 ? null : size }))}
		<form class="filter" @submit="${filter}">
			${select({ name: 'year', label: t('cabinet.schedule.year'), value: year ?? '',
				choices: [['', t('cabinet.schedule.allYears')], ...rows.years.map(y => [y, String(y)])] })}
			<button class="button secondary" type="submit">${t('cabinet.schedule.show')}</button>
		</form>
		${sizeChooser({ sizes: SIZES, size, label: t('cabinet.list.size'), href: choice => here({ size: choice === 10 ? null : choice }) })}
		<p class="muted" id="schedule-range">${t('cabinet.list.range', { from: number(from), to: number(to), total: number(rows.total) })}</p>
		${rows.items.length === 0 ? html`<p>${t('cabinet.schedule.empty')}</p>` : html`
			<h2 id="schedule-caption">${caption}</h2>
			<div class="table-scroll" role="region" aria-labelledby="schedule-caption" tabindex="0">
				<table>
					<caption class="visually-hidden">${caption}</caption>
					<thead><tr>
						<th scope="col">${t('cabinet.schedule.dueDate')}</th>
						<th scope="col" class="number">${t('cabinet.schedule.payment')}</th>
						<th scope="col" class="number">${t('cabinet.schedule.principal')}</th>
						<th scope="col" class="number">${t('cabinet.schedule.interest')}</th>
						<th scope="col" class="number">${t('cabinet.schedule.writtenOff')}</th>
						<th scope="col">${t('cabinet.schedule.status')}</th>
					</tr></thead>
					<tbody>${rows.items.map(row => html`<tr>
						<th scope="row" class="date">${shortDate(row.dueDate)}</th>
						<td class="number">${money(row.payment)}</td>
						<td class="number">${money(row.principal)}</td>
						<td class="number">${money(row.interest)}</td>
						<td class="number">${money(row.writtenOff)}${row.writtenOffOn
							? html`<br><span class="muted">${shortDate(row.writtenOffOn)}</span>` : nothing}</td>
						<td><span class="badge ${BADGES[row.status] ?? ''}">${row.statusText}</span></td>
					</tr>`)}</tbody>
				</table>
			</div>`}
		${pager({ page, size, total: rows.total, label: t('cabinet.schedule.pages'),
			href: p => address(`/cabinet/contracts/${id}/schedule`, { year, size: size === 10 ? null : size, page: p || null }) })}
		<p><a href="/cabinet/contracts/${id}">${t('cabinet.schedule.back')}</a></p>`);
}
