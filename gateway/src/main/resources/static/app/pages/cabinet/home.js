// The cabinet's overview (DOMAIN I4, I6): a greeting, the profile in short, the unread messages, and the client's
// contracts — one at a time with its debt block; a client with two or more switches between them
// (/cabinet/contracts/:id). A contract id that is not the client's is "not found", nothing of it shown.
import { html, nothing } from '../../lit.js';
import { date, money, number, t } from '../../i18n.js';
import { api } from '../../api.js';
import { loading } from '../../ui.js';
import { contractNotFound, contractSwitcher, kind } from './common.js';

export default async function home(ctx) {
	ctx.title(t('cabinet.home.title'));
	ctx.view(html`<h1>${t('cabinet.home.title')}</h1>${loading()}`);
	const [profile, contracts, inbox] = await Promise.all([
		api('/api/cabinet/v1/profile'),
		api('/api/cabinet/v1/contracts'),
		api('/api/notifications/v1/my/messages?size=1').catch(() => null), // the overview stands without it
	]);
	const chosen = ctx.params.id ? contracts.find(contract => contract.id === ctx.params.id) : contracts[0];
	if (ctx.params.id && !chosen) {
		contractNotFound(ctx);
		return;
	}
	ctx.view(html`
		<h1>${t('cabinet.home.title')}</h1>
		<p class="lead">${t('cabinet.home.greeting', { name: [profile.firstName, profile.patronymic].filter(Boolean).join(' ') })}</p>
		<div class="cards">
			<section class="card" aria-labelledby="home-profile">
				<h2 id="home-profile">${t('cabinet.profile.title')}</h2>
				<dl class="facts">
					<dt>${t('cabinet.profile.accountNumber')}</dt><dd>${profile.accountNumber}</dd>
					<dt>${t('cabinet.profile.iin')}</dt><dd>${profile.iin}</dd>
					<dt>${t('cabinet.profile.mobile')}</dt><dd>${profile.mobile}</dd>
					<dt>${t('cabinet.profile.email')}</dt><dd>${profile.email
						? html`${profile.email} ${emailBadge(profile.emailVerified)}` : t('cabinet.profile.email.none')}</dd>
				</dl>
				<a href="/cabinet/profile">${t('cabinet.home.profileLink')}</a>
			</section>
			<section class="card" aria-labelledby="home-messages">
				<h2 id="home-messages">${t('cabinet.messages.title')}</h2>
				<p>${inbox ? t('cabinet.home.unread', { count: number(inbox.unread) }) : t('cabinet.home.messagesUnknown')}</p>
				<a href="/cabinet/messages">${t('cabinet.home.messagesLink')}</a>
			</section>
			<section class="card" aria-labelledby="home-faq">
				<h2 id="home-faq">${t('cabinet.faq.title')}</h2>
				<p>${t('cabinet.home.faqText')}</p>
				<a href="/cabinet/faq">${t('cabinet.home.faqLink')}</a>
			</section>
		</div>
		<h2>${t('cabinet.contracts.title')}</h2>
		${contracts.length === 0 ? html`<p>${t('cabinet.contracts.none')}</p>` : html`
			${contractSwitcher(contracts, chosen.id, contract => `/cabinet/contracts/${contract.id}`)}
			${contractView(chosen)}`}`);
}

export function emailBadge(verified) {
	return verified
		? html`<span class="badge ok"><span aria-hidden="true">✓ </span>${t('cabinet.profile.email.verified')}</span>`
		: html`<span class="badge warn">${t('cabinet.profile.email.unverified')}</span>`;
}

function contractView(contract) {
	const debt = contract.debt;
	const owes = Number(debt.total) > 0;
	return html`
		<section class="card" aria-labelledby="contract-title">
			<h3 id="contract-title">${t('cabinet.contract.number', { number: contract.number })}</h3>
			<p class="muted">${kind(contract.kind)}</p>
			<dl class="facts">
				<dt>${t('cabinet.contract.concludedOn')}</dt><dd>${date(contract.concludedOn)}</dd>
				<dt>${t('cabinet.contract.endsOn')}</dt><dd>${date(contract.endsOn)}</dd>
				<dt>${t('cabinet.contract.collateralType')}</dt><dd>${contract.collateralType}</dd>
				<dt>${t('cabinet.contract.address')}</dt><dd>${contract.address}</dd>
				<dt>${t('cabinet.contract.amount')}</dt><dd>${money(contract.amount)}</dd>
				<dt>${t('cabinet.contract.paymentsCount')}</dt><dd>${number(contract.paymentsCount)}</dd>
				<dt>${t('cabinet.contract.monthlyPayment')}</dt><dd>${money(contract.monthlyPayment)}</dd>
				<dt>${t('cabinet.contract.paymentDay')}</dt><dd>${t('cabinet.contract.paymentDay.value', { day: contract.paymentDay })}</dd>
				<dt>${t('cabinet.contract.sumPaid')}</dt><dd>${money(contract.sumPaid)}</dd>
				<dt>${t('cabinet.contract.paymentsMade')}</dt><dd>${number(contract.paymentsMade)}</dd>
				<dt>${t('cabinet.contract.remainingDebt')}</dt><dd>${money(contract.remainingDebt)}</dd>
				<dt>${t('cabinet.contract.paymentsLeft')}</dt><dd>${number(contract.paymentsLeft)}</dd>
				<dt>${t('cabinet.contract.accountBalance')}</dt><dd>${money(contract.accountBalance)}</dd>
			</dl>
			<p><a class="button" href="/cabinet/contracts/${contract.id}/schedule">${t('cabinet.schedule.open')}</a></p>
		</section>
		<section class="${owes ? 'warning' : 'notice'}" aria-labelledby="debt-title">
			<h3 id="debt-title">${t('cabinet.debt.title')}</h3>
			${owes ? nothing : html`<p><span aria-hidden="true">✓ </span>${t('cabinet.debt.none')}</p>`}
			<dl class="facts">
				<dt>${t('cabinet.debt.overdue')}</dt><dd>${money(debt.overdueMonthlyPayments)}</dd>
				<dt>${t('cabinet.debt.penalty')}</dt><dd>${money(debt.penalty)}</dd>
				<dt>${t('cabinet.debt.fine')}</dt><dd>${money(debt.fine)}</dd>
				<dt>${t('cabinet.debt.stateDuty')}</dt><dd>${money(debt.stateDuty)}</dd>
				<dt>${t('cabinet.debt.total')}</dt><dd>${money(debt.total)}</dd>
			</dl>
		</section>`;
}
