// The programme for anybody (DOMAIN "Elorda Zhastary programme", L1): the current edition's terms — the intake window,
// the loan's limits, rate and term, the age limit, the categories and the documents — and the loan calculator.
import { html, nothing } from '../../lit.js';
import { dateTime, money, number, t } from '../../i18n.js';
import { api, query } from '../../api.js';
import { focusProblem, input, loading, problemSummary } from '../../ui.js';
import { ELORDA, amount, categoryName, documentName, elordaNav } from './common.js';

export default async function terms(ctx) {
	let edition;
	let noEdition = null;
	const calculator = { amount: ctx.query.get('amount') ?? '', result: null, problem: null, busy: false };

	function draw() {
		ctx.title(t('elorda.terms.title'));
		ctx.view(html`
			<h1>${t('elorda.terms.title')}</h1>
			${elordaNav('/elorda')}
			<p class="lead">${t('elorda.terms.lead')}</p>
			${edition === undefined ? loading() : edition ? windowOf(edition) : html`<div class="warning">
				<h2>${t('elorda.terms.closed')}</h2><p>${noEdition?.detail ?? ''}</p></div>`}
			${calculatorSection()}
			${edition ? listsOf(edition.terms) : nothing}`);
	}

	function windowOf(current) {
		const terms = current.terms;
		const open = Date.now() >= Date.parse(current.opensAt) && Date.now() < Date.parse(current.closesAt);
		return html`
			<section class="card" aria-labelledby="elorda-window">
				<h2 id="elorda-window">${current.name}</h2>
				<p>${open ? html`<span class="badge ok">${t('elorda.terms.open')}</span>`
					: html`<span class="badge warn">${t('elorda.terms.notOpen')}</span>`}</p>
				<dl class="facts">
					<dt>${t('elorda.terms.opensAt')}</dt><dd>${dateTime(current.opensAt)}</dd>
					<dt>${t('elorda.terms.closesAt')}</dt><dd>${dateTime(current.closesAt)}</dd>
					<dt>${t('elorda.terms.loan')}</dt><dd>${t('elorda.terms.loanRange', { min: money(terms.minLoan), max: money(terms.maxLoan) })}</dd>
					<dt>${t('elorda.terms.rate')}</dt><dd>${t('elorda.terms.ratePercent', { rate: number(terms.ratePercent, 2) })}</dd>
					<dt>${t('elorda.terms.term')}</dt><dd>${t('elorda.terms.years', { years: terms.maxTermYears })}</dd>
					<dt>${t('elorda.terms.downPayment')}</dt><dd>${t('elorda.terms.atLeastPercent', { percent: number(terms.minDownPaymentPercent, 2) })}</dd>
					<dt>${t('elorda.terms.age')}</dt><dd>${t('elorda.terms.ageLimit', { age: terms.ageLimit })}</dd>
					<dt>${t('elorda.terms.income')}</dt><dd>${t('elorda.terms.incomeLimit', {
						limit: money(Number(terms.subsistenceMinimum) * terms.incomeMultiple), multiple: terms.incomeMultiple,
						minimum: money(terms.subsistenceMinimum) })}</dd>
				</dl>
				${open ? html`<div class="actions"><a class="button" href="/elorda/apply">${t('elorda.terms.apply')}</a>
					<a class="button secondary" href="/elorda/pre-check">${t('elorda.terms.preCheck')}</a></div>` : nothing}
			</section>`;
	}

	function listsOf(terms) {
		return html`
			<section aria-labelledby="elorda-categories">
				<h2 id="elorda-categories">${t('elorda.terms.categories')}</h2>
				<ul class="columns">${terms.categories.map(category => html`<li>${categoryName(category)}</li>`)}</ul>
			</section>
			<section aria-labelledby="elorda-documents">
				<h2 id="elorda-documents">${t('elorda.terms.documents')}</h2>
				<p>${t('elorda.terms.documentsLead')}</p>
				<ul>${terms.documents.map(document => html`<li>${documentName(document.type)}
					<span class="muted">— ${t(`elorda.holder.${document.holder}`)}${document.when !== 'ALWAYS'
						? html`, ${t(`elorda.condition.${document.when}`)}` : nothing}${document.categories.length
						? html`, ${document.categories.map(categoryName).join(', ')}` : nothing}${document.maxAgeDays === 0
						? html`, ${t('elorda.terms.sameDay')}` : document.maxAgeDays ? html`, ${t('elorda.terms.maxAge',
							{ days: document.maxAgeDays })}` : nothing}</span></li>`)}</ul>
			</section>`;
	}

	function calculatorSection() {
		const result = calculator.result;
		return html`<section class="card" aria-labelledby="elorda-calculator">
			<h2 id="elorda-calculator">${t('elorda.calculator.title')}</h2>
			<p>${t('elorda.calculator.lead')}</p>
			${problemSummary(calculator.problem, { amount: t('elorda.calculator.amount') })}
			<form @submit="${calculate}" novalidate>
				${input({ name: 'amount', label: t('elorda.calculator.amount'), hint: t('elorda.calculator.amountHint'),
					value: calculator.amount, inputmode: 'numeric', required: true, className: 'short',
					error: calculator.problem?.fields?.amount, onInput: value => calculator.amount = value })}
				<div class="actions"><button class="button" type="submit" ?disabled="${calculator.busy}">${t('elorda.calculator.submit')}</button></div>
			</form>
			<div aria-live="polite">
			${result ? html`
				<h3>${t('elorda.calculator.result', { amount: money(result.amount) })}</h3>
				<dl class="facts">${result.periods.map((period, i) => html`
					<dt>${t(i === 0 ? 'elorda.calculator.interim' : 'elorda.calculator.housing', {
						months: period.months, years: number(period.months / 12, 1), rate: number(period.ratePercent, 2) })}</dt>
					<dd>${t('elorda.calculator.monthly', { payment: money(period.monthlyPayment) })}</dd>`)}
				</dl>
				<p class="muted">${t('elorda.calculator.note')}</p>` : nothing}
			</div>
		</section>`;
	}

	async function calculate(event) {
		event?.preventDefault();
		const value = amount(calculator.amount);
		calculator.result = null;
		if (value === null || Number.isNaN(value)) {
			calculator.problem = { title: t('elorda.calculator.check'), fields: { amount: t('elorda.calculator.notANumber') } };
			draw();
			focusProblem();
			return;
		}
		calculator.busy = true;
		calculator.problem = null;
		draw();
		try {
			calculator.result = await api(`${ELORDA}/loan-calculator${query({ amount: Math.round(value) })}`);
			history.replaceState(null, '', `/elorda${query({ amount: Math.round(value) })}`);
		}
		catch (problem) {
			calculator.problem = problem;
		}
		calculator.busy = false;
		draw();
		if (calculator.problem && event) {
			focusProblem();
		}
	}

	draw();
	if (calculator.amount) {
		calculate();
	}
	try {
		edition = await api(`${ELORDA}/editions/current`);
	}
	catch (problem) {
		if (problem.status !== 404) {
			throw problem;
		}
		edition = null;
		noEdition = problem;
	}
	draw();
}
