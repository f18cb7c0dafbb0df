// What the cabinet's screens share: the client's contracts and their switcher, the screen for a contract that is not
// the client's, the address of a list's state.
import { html, nothing } from '../../lit.js';
import { t } from '../../i18n.js';
import { query } from '../../api.js';

/** The contract's kind as the client knows it (MORTGAGE_LOAN, RENT_TO_OWN). */
export function kind(value) {
	return t(`cabinet.contract.kind.${value}`);
}

/** Links to each of the client's contracts when there are two or more (DOMAIN I6, I7); href(contract) its address. */
export function contractSwitcher(contracts, currentId, href) {
	if (contracts.length < 2) {
		return nothing;
	}
	return html`<nav aria-label="${t('cabinet.contracts.switch')}">
		<p class="muted" aria-hidden="true">${t('cabinet.contracts.switch')}:</p>
		<ul class="switcher">${contracts.map(contract => html`<li>${contract.id === currentId
			? html`<span aria-current="page">${t('cabinet.contract.number', { number: contract.number })}</span>`
			: html`<a href="${href(contract)}">${t('cabinet.contract.number', { number: contract.number })}</a>`}</li>`)}
		</ul>
	</nav>`;
}

/** The contract in the address is not one of the client's (or no contract at all): said so, nothing of it shown. */
export function contractNotFound(ctx) {
	ctx.title(t('cabinet.contract.notFound.title'));
	ctx.view(html`<h1>${t('cabinet.contract.notFound.title')}</h1>
		<div class="warning" role="alert"><p>${t('cabinet.contract.notFound.text')}</p></div>
		<p><a class="button" href="/cabinet">${t('cabinet.contract.notFound.back')}</a></p>`);
}

/** The address path with the query's values that are set. */
export function address(path, params) {
	return path + query(params);
}

/** A whole number from the query, or the fallback when missing, not a number or not among the allowed. */
export function wholeNumber(value, fallback, allowed) {
	const number = Number.parseInt(value ?? '', 10);
	if (!Number.isInteger(number) || number < 0 || (allowed && !allowed.includes(number))) {
		return fallback;
	}
	return number;
}
