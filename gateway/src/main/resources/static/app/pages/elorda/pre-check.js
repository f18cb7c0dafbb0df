// The public eligibility pre-check (issue 6 point 3): a short form, sent to the scoring service's rule engine, whose
// answer explains each criterion (met or not, and why) and the points. Nothing is stored.
import { html, nothing } from '../../lit.js';
import { money, t } from '../../i18n.js';
import { api } from '../../api.js';
import { focusAnswer, focusProblem, input, problemSummary, select } from '../../ui.js';
import { CATEGORIES, PROGRAMME, SCORING, amount, birthDateOf, categoryName, countryChoices, elordaNav, scoringCategory,
	today, validIin } from './common.js';

/** The API's field → the control here that answers it. */
const CONTROLS = {
	'applicant.iin': 'iin', 'applicant.birthDate': 'iin', category: 'category', requestedLoan: 'loan',
	'applicant.citizenship': 'citizenship', 'applicant.registration.since': 'registeredSince',
	'applicant.employment.since': 'employedSince', householdNetIncome: 'income', deposits: 'deposits',
};

function controlOf(field) {
	if (CONTROLS[field]) {
		return CONTROLS[field];
	}
	if (field.startsWith('family')) {
		return 'spouseBirthDate';
	}
	return field.startsWith('deposits') ? 'deposits' : 'iin';
}

export default async function preCheck(ctx) {
	const form = { iin: '', category: '', loan: '', citizenship: 'KZ', astana: '', registeredSince: '', sphere: '',
		workInAstana: '', stateOrganization: '', profileStaff: '', employedSince: '', maternity: 'false', level: '',
		matches: '', spouse: 'false', spouseBirthDate: '', children: '0', familyInAstana: 'true', income: '',
		deposits: '', owned: 'false', rentToOwn: 'false', disability: '', orphanQueue: 'false' };
	let problem = null;
	let result = null;
	let busy = false;

	const labels = () => ({
		iin: t('elorda.preCheck.iin'), category: t('elorda.form.category'), loan: t('elorda.form.requestedLoan'),
		citizenship: t('elorda.form.citizenship'), astana: t('elorda.preCheck.astana'),
		registeredSince: t('elorda.form.registeredSince'), sphere: t('elorda.form.sphere'),
		workInAstana: t('elorda.preCheck.workInAstana'), stateOrganization: t('elorda.form.stateOrganization'),
		profileStaff: t('elorda.form.profileStaff'), employedSince: t('elorda.form.employedSince'),
		level: t('elorda.form.educationLevel'), matches: t('elorda.form.matchesSphere'),
		spouseBirthDate: t('elorda.preCheck.spouseBirthDate'), children: t('elorda.preCheck.children'),
		income: t('elorda.preCheck.income'), deposits: t('elorda.preCheck.deposits'),
	});

	const yesNo = () => [['', t('elorda.form.choose')], ['true', t('elorda.form.yes')], ['false', t('elorda.form.no')]];
	const field = (name, label, extra = {}) => input({ name, label, value: form[name], required: true,
		error: problem?.fields?.[name], onInput: value => form[name] = value.trim(), ...extra });
	const choice = (name, label, choices, extra = {}) => select({ name, label, value: form[name], choices, required: true,
		error: problem?.fields?.[name], onChange: value => { form[name] = value; if (extra.redraw) { draw(); } }, ...extra });

	function request() {
		const birthDate = birthDateOf(form.iin);
		const bool = value => value === 'true';
		const family = [];
		if (bool(form.spouse)) {
			family.push({ relation: 'SPOUSE', birthDate: form.spouseBirthDate || null, registeredIn: bool(form.familyInAstana)
				? 'ASTANA' : 'OTHER', permanentRegistration: bool(form.familyInAstana), disabilityGroup: null });
		}
		// no criterion looks at a child's age, but the date is required: today stands in for it
		for (let i = 0; i < Number(form.children || 0); i++) {
			family.push({ relation: 'CHILD', birthDate: today(), registeredIn: bool(form.familyInAstana) ? 'ASTANA' : 'OTHER',
				permanentRegistration: bool(form.familyInAstana), disabilityGroup: null });
		}
		const income = amount(form.income);
		const category = scoringCategory(form.category);
		return {
			submissionDate: today(), category, requestedLoan: amount(form.loan),
			applicant: {
				iin: form.iin, birthDate, citizenship: form.citizenship,
				registration: { city: bool(form.astana) ? 'ASTANA' : 'OTHER', permanent: bool(form.astana), since: form.registeredSince || null },
				employment: { sphere: form.category === 'ORPHANS' ? scoringCategory(form.sphere || 'HEALTHCARE') : category,
					city: bool(form.workInAstana) ? 'ASTANA' : 'OTHER', stateOrganization: bool(form.stateOrganization),
					profileStaff: bool(form.profileStaff), since: form.employedSince || null, onMaternityLeave: bool(form.maternity) },
				education: { level: form.level || null, matchesSphere: bool(form.matches) },
				disabilityGroup: form.disability ? Number(form.disability) : null,
				orphanQueueCity: form.category === 'ORPHANS' && bool(form.orphanQueue) ? 'ASTANA' : null,
			},
			family,
			householdNetIncome: Array(6).fill(income),
			deposits: [{ holder: 'APPLICANT', bank: 'OTBASY', balance: amount(form.deposits) }],
			property: { ownedInLast5Years: bool(form.owned), rentToOwnInLast5Years: bool(form.rentToOwn), onlyEmergencyAdobeOrReed: false },
		};
	}

	function check() {
		const errors = {};
		const required = ['iin', 'category', 'loan', 'astana', 'registeredSince', 'workInAstana', 'stateOrganization',
			'profileStaff', 'employedSince', 'level', 'matches', 'income', 'deposits'];
		required.filter(name => !form[name]).forEach(name => errors[name] = t('elorda.form.required'));
		if (form.iin && !validIin(form.iin)) {
			errors.iin = t('elorda.form.invalidIin');
		}
		['loan', 'income', 'deposits'].filter(name => form[name] && Number.isNaN(amount(form[name])))
			.forEach(name => errors[name] = t('elorda.form.notANumber'));
		if (form.spouse === 'true' && !form.spouseBirthDate) {
			errors.spouseBirthDate = t('elorda.form.required');
		}
		return errors;
	}

	async function submit(event) {
		event.preventDefault();
		const errors = check();
		result = null;
		if (Object.keys(errors).length) {
			problem = { title: t('elorda.apply.checkStep'), fields: errors };
			draw();
			focusProblem();
			return;
		}
		busy = true;
		problem = null;
		draw();
		try {
			result = await api(`${SCORING}/programmes/${PROGRAMME}/assessments`, { json: request() });
		}
		catch (refusal) {
			const fields = {};
			Object.entries(refusal.fields).forEach(([path, message]) => fields[controlOf(path)] ??= message);
			problem = { title: refusal.title, detail: refusal.detail, fields };
		}
		busy = false;
		draw();
		focusAnswer(problem, 'pre-check-result');
	}

	function answer() {
		if (!result) {
			return nothing;
		}
		return html`<section class="card" id="pre-check-result" tabindex="-1" aria-labelledby="pre-check-outcome">
			<h2 id="pre-check-outcome">${result.eligible ? t('elorda.preCheck.eligible') : t('elorda.preCheck.notEligible')}</h2>
			<p><span class="badge ${result.eligible ? 'ok' : 'error'}">${result.eligible ? t('elorda.preCheck.eligibleShort')
				: t('elorda.preCheck.notEligibleShort')}</span> ${t('elorda.preCheck.points', { points: result.points })}</p>
			<h3>${t('elorda.preCheck.criteria')}</h3>
			<ul class="criteria">${result.criteria.map(criterion => html`<li>
				<span class="badge ${criterion.passed ? 'ok' : 'error'}">${criterion.passed ? t('elorda.preCheck.met') : t('elorda.preCheck.notMet')}</span>
				<strong>${criterion.code}</strong> ${criterion.message}</li>`)}</ul>
			${result.breakdown.length ? html`<h3>${t('elorda.preCheck.breakdown')}</h3>
				<ul>${result.breakdown.map(item => html`<li><strong>${item.code}</strong>: ${t('elorda.preCheck.pointsShort',
					{ points: item.points })} — ${item.message}</li>`)}</ul>` : nothing}
			<p class="muted">${t('elorda.preCheck.disclaimer')}</p>
		</section>`;
	}

	function draw() {
		const categories = CATEGORIES.map(c => [c, categoryName(c)]);
		ctx.title(t('elorda.preCheck.title'));
		ctx.view(html`
			<h1>${t('elorda.preCheck.title')}</h1>
			${elordaNav('/elorda/pre-check')}
			<p class="lead">${t('elorda.preCheck.lead')}</p>
			${problemSummary(problem, labels())}
			${answer()}
			<form @submit="${submit}" novalidate>
				<h2>${t('elorda.preCheck.aboutYou')}</h2>
				${field('iin', t('elorda.preCheck.iin'), { hint: t('elorda.preCheck.iinHint'), inputmode: 'numeric', maxlength: 12, className: 'short' })}
				${choice('citizenship', t('elorda.form.citizenship'), countryChoices())}
				${choice('astana', t('elorda.preCheck.astana'), yesNo())}
				${field('registeredSince', t('elorda.form.registeredSince'), { type: 'date', max: today(), className: 'short' })}
				${select({ name: 'disability', label: t('elorda.form.disabilityGroup'), value: form.disability,
					choices: [['', t('elorda.form.noDisability')], ['1', t('elorda.form.group', { group: 1 })], ['2', t('elorda.form.group', { group: 2 })],
						['3', t('elorda.form.group', { group: 3 })]], onChange: value => form.disability = value })}
				<h2>${t('elorda.preCheck.aboutWork')}</h2>
				${choice('category', t('elorda.form.category'), [['', t('elorda.form.choose')], ...categories], { redraw: true })}
				${form.category === 'ORPHANS' ? html`
					${choice('orphanQueue', t('elorda.preCheck.orphanQueue'), yesNo())}
					${choice('sphere', t('elorda.form.sphere'), [['', t('elorda.form.choose')], ...categories.filter(([c]) => c !== 'ORPHANS')])}` : nothing}
				${field('loan', t('elorda.form.requestedLoan'), { inputmode: 'decimal', className: 'short', hint: t('elorda.form.requestedLoanHint',
					{ min: money(1000000), max: money(18000000) }) })}
				${choice('workInAstana', t('elorda.preCheck.workInAstana'), yesNo())}
				${choice('stateOrganization', t('elorda.form.stateOrganization'), yesNo())}
				${choice('profileStaff', t('elorda.form.profileStaff'), yesNo(), { hint: t('elorda.form.profileStaffHint') })}
				${field('employedSince', t('elorda.form.employedSince'), { type: 'date', max: today(), className: 'short' })}
				${choice('maternity', t('elorda.form.maternityLeave'), yesNo())}
				${choice('level', t('elorda.form.educationLevel'), [['', t('elorda.form.choose')],
					...['HIGHER', 'VOCATIONAL', 'SECONDARY'].map(level => [level, t(`elorda.education.${level}`)])])}
				${choice('matches', t('elorda.form.matchesSphere'), yesNo())}
				<h2>${t('elorda.preCheck.aboutFamily')}</h2>
				${choice('spouse', t('elorda.preCheck.spouse'), yesNo(), { redraw: true })}
				${form.spouse === 'true' ? field('spouseBirthDate', t('elorda.preCheck.spouseBirthDate'), { type: 'date', max: today(), className: 'short' }) : nothing}
				${field('children', t('elorda.preCheck.children'), { type: 'number', min: 0, max: 15, className: 'short' })}
				${choice('familyInAstana', t('elorda.preCheck.familyInAstana'), yesNo())}
				${field('income', t('elorda.preCheck.income'), { inputmode: 'decimal', className: 'short', hint: t('elorda.preCheck.incomeHint') })}
				${field('deposits', t('elorda.preCheck.deposits'), { inputmode: 'decimal', className: 'short', hint: t('elorda.preCheck.depositsHint') })}
				${choice('owned', t('elorda.form.owned'), yesNo())}
				${choice('rentToOwn', t('elorda.form.rentToOwn'), yesNo())}
				<div class="actions"><button class="button" type="submit" ?disabled="${busy}">${busy ? t('elorda.preCheck.checking')
					: t('elorda.preCheck.submit')}</button></div>
			</form>`);
	}
	draw();
}
