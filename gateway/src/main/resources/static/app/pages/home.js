// The portal's front page: what each kind of visitor can do here.
import { html, nothing } from '../lit.js';
import { t } from '../i18n.js';
import { current, hasRole } from '../session.js';

export default async function home(ctx) {
	ctx.title(t('home.title'));
	const session = current();
	ctx.view(html`
		<h1>${t('home.title')}</h1>
		<p class="lead">${t('home.lead')}</p>
		<div class="cards">
			<section class="card" aria-labelledby="home-cabinet">
				<h2 id="home-cabinet">${t('home.cabinet.title')}</h2>
				<p>${t('home.cabinet.text')}</p>
				${session?.kind === 'citizen'
					? html`<a class="button" href="/cabinet">${t('home.cabinet.open')}</a>`
					: html`<a class="button" href="/cabinet/login">${t('home.cabinet.login')}</a>`}
			</section>
			<section class="card" aria-labelledby="home-elorda">
				<h2 id="home-elorda">${t('home.elorda.title')}</h2>
				<p>${t('home.elorda.text')}</p>
				<a class="button" href="/elorda">${t('home.elorda.open')}</a>
			</section>
			<section class="card" aria-labelledby="home-staff">
				<h2 id="home-staff">${t('home.staff.title')}</h2>
				<p>${t('home.staff.text')}</p>
				${session?.kind === 'staff' || hasRole('akimat-officer', 'bank-officer')
					? html`<a class="button secondary" href="/staff">${t('home.staff.open')}</a>`
					: html`<a class="button secondary" href="/staff/login">${t('home.staff.login')}</a>`}
			</section>
		</div>
		${session ? nothing : html`<p class="muted">${t('home.demo')}</p>`}`);
}
