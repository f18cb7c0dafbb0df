// The citizen's application (issue 7 point 2, DOMAIN E*): a wizard whose every step saves the draft (so nothing is
// lost and any step can be bookmarked, ?step=…), then the documents the API says this family must upload, then the
// signature with NCALayer (the local run's demo NCALayer) and the submission. A submitted application cannot change.
import { html, nothing, repeat } from '../../lit.js';
import { dateTime, lang, money, number, t } from '../../i18n.js';
import { api } from '../../api.js';
import { config, current, displayName } from '../../session.js';
import { focusProblem, input, loading, problemSummary, select } from '../../ui.js';
import { CATEGORIES, ELORDA, amount, birthDateOf, categoryName, countryChoices, documentName, elordaNav, statusBadge,
	today, validIin } from './common.js';
import { flash } from './flash.js';
import { signCms } from '../../ncalayer.js';

export const STEPS = ['category', 'employment', 'education', 'registration', 'family', 'income', 'deposits', 'property',
	'contact', 'documents', 'signing'];
const FORM_STEPS = STEPS.slice(0, 9);
const MAX_FILE = 10 * 1024 * 1024;

/** Errors the documents step found in the form, shown on the step they belong to when the person goes to fix them. */
let carried = {};

// ---- the form as a tree of paths: 'applicant.employment.since', 'family[0].iin' ----

function tokens(path) {
	return path.match(/[^.[\]]+/g).map(token => (/^\d+$/.test(token) ? Number(token) : token));
}

function get(form, path) {
	return tokens(path).reduce((value, token) => (value == null ? undefined : value[token]), form);
}

function set(form, path, value) {
	const keys = tokens(path);
	let node = form;
	keys.slice(0, -1).forEach((key, i) => {
		if (node[key] == null) {
			node[key] = typeof keys[i + 1] === 'number' ? [] : {};
		}
		node = node[key];
	});
	node[keys.at(-1)] = value;
}

/** The id of a path's control: 'family[0].iin' → 'family-0-iin'. */
export function idOf(path) {
	return path.replace(/[.[\]]+/g, '-').replace(/-$/, '');
}

/** The step a field of the form belongs to. */
function stepOf(path) {
	if (/^(category|requestedLoan|applicant\.employment\.sphere)/.test(path)) {
		return 'category';
	}
	for (const [prefix, step] of [['applicant.employment', 'employment'], ['applicant.education', 'education'],
		['applicant', 'registration'], ['family', 'family'], ['householdNetIncome', 'income'], ['deposits', 'deposits'],
		['property', 'property'], ['contact', 'contact']]) {
		if (path.startsWith(prefix)) {
			return step;
		}
	}
	return 'category';
}

/** The six months before this one, oldest first, as the income certificate names them. */
function months() {
	const now = new Date();
	return [6, 5, 4, 3, 2, 1].map(back => new Intl.DateTimeFormat({ ru: 'ru-KZ', kk: 'kk-KZ', en: 'en-KZ' }[lang()],
		{ month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(now.getFullYear(), now.getMonth() - back, 1))));
}

/** The fields of a step: path, kind (text, money, date, select, yesno, place), label and what else they need. */
function fieldsOf(step, form, edition) {
	const categories = (edition?.terms?.categories ?? CATEGORIES).map(c => [c, categoryName(c)]);
	const spheres = CATEGORIES.filter(c => c !== 'ORPHANS').map(c => [c, categoryName(c)]);
	const f = (path, kind, label, extra = {}) => ({ path, kind, label: t(label), required: true, ...extra });
	switch (step) {
		case 'category':
			return [
				f('category', 'select', 'elorda.form.category', { choices: categories, hint: t('elorda.form.categoryHint') }),
				f('applicant.employment.sphere', 'select', 'elorda.form.sphere', { choices: spheres, hint: t('elorda.form.sphereHint') }),
				f('requestedLoan', 'money', 'elorda.form.requestedLoan', { hint: edition ? t('elorda.form.requestedLoanHint', {
					min: money(edition.terms.minLoan), max: money(edition.terms.maxLoan) }) : undefined }),
			];
		case 'employment':
			return [
				f('applicant.employment.organizationName', 'text', 'elorda.form.organizationName'),
				f('applicant.employment.organizationBin', 'text', 'elorda.form.organizationBin', { hint: t('elorda.form.binHint'), numeric: true, maxlength: 12 }),
				f('applicant.employment.position', 'text', 'elorda.form.position'),
				f('applicant.employment.city', 'place', 'elorda.form.workCity', { known: 'ASTANA', knownText: 'elorda.form.astana' }),
				f('applicant.employment.since', 'date', 'elorda.form.employedSince', { hint: t('elorda.form.employedSinceHint') }),
				f('applicant.employment.stateOrganization', 'yesno', 'elorda.form.stateOrganization'),
				f('applicant.employment.profileStaff', 'yesno', 'elorda.form.profileStaff', { hint: t('elorda.form.profileStaffHint') }),
				f('applicant.employment.onMaternityLeave', 'yesno', 'elorda.form.maternityLeave'),
			];
		case 'education':
			return [
				f('applicant.education.level', 'select', 'elorda.form.educationLevel', { choices: ['HIGHER', 'VOCATIONAL', 'SECONDARY']
					.map(level => [level, t(`elorda.education.${level}`)]) }),
				f('applicant.education.matchesSphere', 'yesno', 'elorda.form.matchesSphere', { hint: t('elorda.form.matchesSphereHint') }),
			];
		case 'registration':
			return [
				f('applicant.fullName', 'text', 'elorda.form.fullName', { autocomplete: 'name' }),
				f('applicant.citizenship', 'select', 'elorda.form.citizenship', { choices: countryChoices() }),
				f('applicant.registration.city', 'place', 'elorda.form.registrationCity', { known: 'ASTANA', knownText: 'elorda.form.astana' }),
				f('applicant.registration.permanent', 'yesno', 'elorda.form.permanent'),
				f('applicant.registration.since', 'date', 'elorda.form.registeredSince'),
				f('applicant.disabilityGroup', 'group', 'elorda.form.disabilityGroup', { required: false }),
				...(form.category === 'ORPHANS' ? [f('applicant.orphanQueueCity', 'place', 'elorda.form.orphanQueueCity',
					{ known: 'ASTANA', knownText: 'elorda.form.astana' })] : []),
			];
		case 'family':
			return (form.family ?? []).flatMap((member, i) => [
				f(`family[${i}].relation`, 'select', 'elorda.form.relation', { choices: [['SPOUSE', t('elorda.relation.SPOUSE')],
					['CHILD', t('elorda.relation.CHILD')]] }),
				f(`family[${i}].iin`, 'text', 'elorda.form.memberIin', { numeric: true, maxlength: 12, iin: true }),
				f(`family[${i}].fullName`, 'text', 'elorda.form.memberName'),
				f(`family[${i}].registeredIn`, 'place', 'elorda.form.memberRegisteredIn', { known: 'ASTANA', knownText: 'elorda.form.astana' }),
				f(`family[${i}].permanentRegistration`, 'yesno', 'elorda.form.memberPermanent'),
				f(`family[${i}].disabilityGroup`, 'group', 'elorda.form.disabilityGroup', { required: false }),
				...(member.relation === 'SPOUSE' ? [f(`family[${i}].employed`, 'yesno', 'elorda.form.spouseEmployed')] : []),
			]);
		case 'income':
			return months().map((month, i) => ({ path: `householdNetIncome[${i}]`, kind: 'money', label: month, required: true }));
		case 'deposits':
			return (form.deposits ?? []).flatMap((deposit, i) => [
				f(`deposits[${i}].holder`, 'select', 'elorda.form.depositHolder', { choices: ['APPLICANT', 'SPOUSE', 'CHILD']
					.map(holder => [holder, t(`elorda.depositHolder.${holder}`)]) }),
				f(`deposits[${i}].bank`, 'place', 'elorda.form.bank', { known: 'OTBASY', knownText: 'elorda.form.otbasy', otherText: 'elorda.form.otherBank' }),
				f(`deposits[${i}].balance`, 'money', 'elorda.form.balance'),
			]);
		case 'property':
			return [
				f('property.ownedInLast5Years', 'yesno', 'elorda.form.owned'),
				f('property.rentToOwnInLast5Years', 'yesno', 'elorda.form.rentToOwn'),
				f('property.onlyEmergencyAdobeOrReed', 'yesno', 'elorda.form.emergency', { hint: t('elorda.form.emergencyHint') }),
			];
		case 'contact':
			return [
				f('contact.mobile', 'text', 'elorda.form.mobile', { hint: t('elorda.form.mobileHint'), type: 'tel', autocomplete: 'tel' }),
				f('contact.email', 'text', 'elorda.form.email', { required: false, type: 'email', autocomplete: 'email' }),
				f('contact.language', 'select', 'elorda.form.language', { choices: [['ru', 'Русский'], ['kk', 'Қазақша'], ['en', 'English']] }),
			];
		default:
			return [];
	}
}

/** The label of a field of the form anywhere in the wizard. */
function labelOf(path, form, edition) {
	return FORM_STEPS.flatMap(step => fieldsOf(step, form, edition)).find(field => field.path === path)?.label ?? path;
}

export default async function apply(ctx) {
	const step = STEPS.includes(ctx.query.get('step')) ? ctx.query.get('step') : 'category';
	const session = current();
	let edition;
	let application = null;
	let form;
	let typed = {}; // what was typed in the money fields, as typed
	let problem = null;
	let errors = {}; // control id → message
	let labels = {};
	let busy = false;
	let status = '';

	ctx.title(t('elorda.apply.title'));
	ctx.view(html`<h1>${t('elorda.apply.title')}</h1>${loading()}`);
	try {
		edition = await api(`${ELORDA}/editions/current`);
	}
	catch (refusal) {
		if (refusal.status !== 404) {
			throw refusal;
		}
		ctx.view(html`<h1>${t('elorda.apply.title')}</h1>${elordaNav('/elorda/apply')}
			<div class="warning"><h2>${t('elorda.terms.closed')}</h2><p>${refusal.detail}</p></div>`);
		return;
	}
	const mine = await api(`${ELORDA}/my/applications`);
	application = mine.find(own => own.editionId === edition.id) ?? null;
	if (application && application.status !== 'DRAFT') {
		ctx.view(html`<h1>${t('elorda.apply.title')}</h1>${elordaNav('/elorda/apply')}
			<div class="notice"><h2>${t('elorda.apply.alreadySubmitted', { number: application.number })}</h2>
				<p>${statusBadge(application.status)} ${t('elorda.apply.noChanges')}</p>
				<p><a class="button" href="/elorda/my/${application.id}">${t('elorda.apply.openMine')}</a></p></div>`);
		return;
	}
	form = application?.form ?? { applicant: { fullName: displayName(), citizenship: 'KZ' }, family: [], deposits: [],
		contact: { language: lang() } };
	form.family ??= [];
	form.deposits ??= [];
	if (carried.step === step) {
		errors = carried.errors;
		problem = { title: t('elorda.apply.fixTitle'), fields: errors };
	}
	carried = {};

	// ---- drawing ----

	function field(def) {
		const id = idOf(def.path);
		labels[id] = def.label;
		const value = get(form, def.path);
		const common = { name: id, label: def.label, hint: def.hint, error: errors[id], required: def.required };
		switch (def.kind) {
			case 'select':
				return select({ ...common, value: value ?? '', choices: [['', t('elorda.form.choose')], ...def.choices],
					onChange: chosen => { set(form, def.path, chosen || null); if (def.path.endsWith('relation') || def.path === 'category') { draw(); } } });
			case 'yesno':
				return select({ ...common, value: value == null ? '' : String(value),
					choices: [['', t('elorda.form.choose')], ['true', t('elorda.form.yes')], ['false', t('elorda.form.no')]],
					onChange: chosen => set(form, def.path, chosen === '' ? null : chosen === 'true') });
			case 'group':
				return select({ ...common, value: value == null ? '' : String(value),
					choices: [['', t('elorda.form.noDisability')], ['1', t('elorda.form.group', { group: 1 })],
						['2', t('elorda.form.group', { group: 2 })], ['3', t('elorda.form.group', { group: 3 })]],
					onChange: chosen => set(form, def.path, chosen === '' ? null : Number(chosen)) });
			case 'place': {
				const choice = value == null ? '' : String(value).toUpperCase() === def.known ? def.known : 'OTHER';
				return html`${select({ ...common, value: choice,
					choices: [['', t('elorda.form.choose')], [def.known, t(def.knownText)], ['OTHER', t(def.otherText ?? 'elorda.form.otherPlace')]],
					onChange: chosen => { set(form, def.path, chosen === '' ? null : chosen === 'OTHER' ? '' : chosen); draw(); } })}
					${choice === 'OTHER' ? input({ name: `${id}-name`, label: t(def.otherText ?? 'elorda.form.otherPlace'),
						value: value ?? '', required: true, maxlength: 200, onInput: text => set(form, def.path, text) }) : nothing}`;
			}
			case 'money':
				return input({ ...common, value: typed[def.path] ?? (value == null ? '' : String(value)), inputmode: 'decimal',
					className: 'short', onInput: text => { typed[def.path] = text; set(form, def.path, amount(text)); } });
			case 'date':
				return input({ ...common, type: 'date', value: value ?? '', max: today(), className: 'short',
					onInput: text => set(form, def.path, text || null) });
			default:
				return html`${input({ ...common, value: value ?? '', type: def.type, autocomplete: def.autocomplete,
					inputmode: def.numeric ? 'numeric' : undefined, maxlength: def.maxlength ?? 200,
					className: def.numeric ? 'short' : '', onInput: text => { set(form, def.path, text.trim() === '' ? null : text.trim());
						if (def.iin) { draw(); } } })}
					${def.iin && birthDateOf(value) ? html`<p class="muted">${t('elorda.form.birthDateFromIin', {
						date: new Intl.DateTimeFormat({ ru: 'ru-KZ', kk: 'kk-KZ', en: 'en-KZ' }[lang()], { dateStyle: 'long', timeZone: 'UTC' })
							.format(new Date(`${birthDateOf(value)}T00:00:00Z`)) })}</p>` : nothing}`;
		}
	}

	function steps() {
		return html`<ol class="steps" aria-label="${t('elorda.apply.steps')}">${STEPS.map((name, i) => html`<li
			aria-current="${name === step ? 'step' : 'false'}">${t(`elorda.step.${name}`)}${name === step
			? html`<span class="visually-hidden"> (${t('elorda.apply.currentStep', { n: i + 1, of: STEPS.length })})</span>` : nothing}</li>`)}</ol>`;
	}

	function formStep() {
		const defs = fieldsOf(step, form, edition);
		let body;
		if (step === 'family') {
			body = html`<p>${t('elorda.form.familyLead')}</p>
				${form.family.length === 0 ? html`<p class="muted">${t('elorda.form.noFamily')}</p>` : nothing}
				${form.family.map((member, i) => html`<fieldset class="group">
					<legend>${member.relation ? t(`elorda.relation.${member.relation}`) : t('elorda.form.member')} ${i + 1}</legend>
					${defs.filter(def => def.path.startsWith(`family[${i}]`)).map(field)}
					<button type="button" class="button secondary" @click="${() => remove('family', i)}">${t('elorda.form.removeMember', { n: i + 1 })}</button>
				</fieldset>`)}
				<div class="actions">
					<button type="button" class="button secondary" @click="${() => add('family', { relation: 'SPOUSE', registeredIn: 'ASTANA' })}">${t('elorda.form.addSpouse')}</button>
					<button type="button" class="button secondary" @click="${() => add('family', { relation: 'CHILD', registeredIn: 'ASTANA' })}">${t('elorda.form.addChild')}</button>
				</div>`;
		}
		else if (step === 'deposits') {
			body = html`<p>${t('elorda.form.depositsLead', { share: number(10) })}</p>
				${form.deposits.length === 0 ? html`<p class="muted">${t('elorda.form.noDeposits')}</p>` : nothing}
				${form.deposits.map((deposit, i) => html`<fieldset class="group">
					<legend>${t('elorda.form.deposit', { n: i + 1 })}</legend>
					${defs.filter(def => def.path.startsWith(`deposits[${i}]`)).map(field)}
					<button type="button" class="button secondary" @click="${() => remove('deposits', i)}">${t('elorda.form.removeDeposit', { n: i + 1 })}</button>
				</fieldset>`)}
				<div class="actions"><button type="button" class="button secondary"
					@click="${() => add('deposits', { holder: 'APPLICANT', bank: 'OTBASY' })}">${t('elorda.form.addDeposit')}</button></div>`;
		}
		else if (step === 'income') {
			body = html`<fieldset class="field"><legend>${t('elorda.form.incomeLegend')}</legend>
				<p class="hint">${t('elorda.form.incomeHint', { limit: money(Number(edition.terms.subsistenceMinimum) * edition.terms.incomeMultiple) })}</p>
				${defs.map(field)}</fieldset>`;
		}
		else {
			body = defs.map(field);
		}
		return body;
	}

	function draw() {
		labels = {};
		let content;
		if (step === 'documents') {
			content = documentsStep();
		}
		else if (step === 'signing') {
			content = signingStep();
		}
		else {
			const fields = formStep();
			const index = STEPS.indexOf(step);
			content = html`${problemSummary(problem, labels)}
				<form @submit="${event => { event.preventDefault(); save(STEPS[index + 1], true); }}" novalidate>
					<h2>${t(`elorda.step.${step}`)}</h2>
					${fields}
					<div class="actions">
						<button class="button" type="submit" ?disabled="${busy}">${t('elorda.apply.saveNext')}</button>
						${index > 0 ? html`<button class="button secondary" type="button" ?disabled="${busy}"
							@click="${() => save(STEPS[index - 1], false)}">${t('elorda.apply.back')}</button>` : nothing}
					</div>
				</form>`;
		}
		ctx.title(`${t(`elorda.step.${step}`)} — ${t('elorda.apply.title')}`);
		ctx.view(html`
			<h1>${t('elorda.apply.title')}</h1>
			${elordaNav('/elorda/apply')}
			<p>${t('elorda.apply.edition', { edition: edition.name, closes: dateTime(edition.closesAt) })}
				${application ? html` ${t('elorda.apply.savedAt', { time: dateTime(application.updatedAt) })}` : nothing}</p>
			${steps()}
			${content}
			<p role="status" class="visually-hidden">${status}</p>`);
	}

	function add(list, item) {
		form[list].push(item);
		draw();
		const i = form[list].length - 1;
		document.getElementById(idOf(list === 'family' ? `family[${i}].iin` : `deposits[${i}].balance`))?.focus();
	}

	function remove(list, i) {
		form[list].splice(i, 1);
		Object.keys(typed).filter(path => path.startsWith(`${list}[`)).forEach(path => delete typed[path]);
		errors = {};
		problem = null;
		draw();
	}

	/** What the step asks that is missing or malformed, before anything is sent: control id → message. */
	function check() {
		const found = {};
		for (const def of fieldsOf(step, form, edition)) {
			const value = get(form, def.path);
			const id = idOf(def.path);
			if (def.kind === 'money' && Number.isNaN(value)) {
				found[id] = t('elorda.form.notANumber');
			}
			else if (def.required && (value === null || value === undefined || value === '')) {
				found[id] = t('elorda.form.required');
			}
			else if (def.iin && !validIin(value)) {
				found[id] = t('elorda.form.invalidIin');
			}
		}
		return found;
	}

	/** The form as the API takes it: income months all empty are no income yet. */
	function body() {
		const copy = structuredClone(form);
		if (Array.isArray(copy.householdNetIncome) && copy.householdNetIncome.every(month => month == null)) {
			copy.householdNetIncome = null;
		}
		return copy;
	}

	async function save(next, checked) {
		errors = checked ? check() : {};
		if (Object.keys(errors).length) {
			problem = { title: t('elorda.apply.checkStep'), fields: errors };
			draw();
			focusProblem();
			return;
		}
		busy = true;
		problem = null;
		status = t('elorda.apply.saving');
		draw();
		try {
			if (application) {
				application = await api(`${ELORDA}/applications/${application.id}/form`, { method: 'PUT', json: body() });
			}
			else {
				try {
					application = await api(`${ELORDA}/applications`, { json: body() });
				}
				catch (refusal) {
					if (refusal.body?.applicationId) { // started meanwhile, in another tab
						application = await api(`${ELORDA}/applications/${refusal.body.applicationId}/form`, { method: 'PUT', json: body() });
					}
					else {
						throw refusal;
					}
				}
			}
			busy = false;
			status = t('elorda.apply.saved');
			ctx.navigate(`/elorda/apply?step=${next}`);
		}
		catch (refusal) {
			busy = false;
			status = '';
			errors = Object.fromEntries(Object.entries(refusal.fields ?? {}).map(([path, message]) => [idOf(path), message]));
			problem = { title: refusal.title, detail: refusal.detail, fields: errors };
			draw();
			focusProblem();
		}
	}

	// ---- documents ----

	let documents = null;
	let findings = null; // what the API says is missing: {documents, fields, problem}
	const rows = {}; // per needed document: {issuedOn, problem, busy}

	async function loadDocuments() {
		documents = await api(`${ELORDA}/applications/${application.id}/documents`);
		try {
			await api(`${ELORDA}/applications/${application.id}/signing-content`);
			findings = { documents: [], fields: [], problem: null };
		}
		catch (refusal) {
			if (refusal.body?.code === 'application-incomplete' || refusal.status === 400) {
				findings = { documents: refusal.body.documents ?? [],
					fields: (refusal.body.errors ?? []).filter(error => error.field !== 'documents'), problem: null };
			}
			else {
				findings = { documents: [], fields: [], problem: refusal };
			}
		}
		draw();
	}

	function holderName(iin) {
		if (iin === session?.claims?.preferred_username) {
			return t('elorda.documents.you', { name: form.applicant?.fullName ?? displayName() });
		}
		const member = form.family.find(one => one.iin === iin);
		return member ? `${member.fullName ?? ''} (${t(`elorda.relation.${member.relation}`)})` : iin;
	}

	function documentsStep() {
		if (!application) {
			return html`<div class="warning"><p>${t('elorda.documents.fillFirst')}</p>
				<p><a href="/elorda/apply?step=category">${t('elorda.step.category')}</a></p></div>`;
		}
		if (!findings) {
			return loading();
		}
		const complete = !findings.problem && findings.documents.length === 0 && findings.fields.length === 0;
		return html`
			<h2>${t('elorda.step.documents')}</h2>
			<p>${t('elorda.documents.lead', { size: number(MAX_FILE / 1024 / 1024) })}</p>
			${findings.problem ? problemSummary(findings.problem) : nothing}
			${findings.fields.length ? html`<div class="warning" role="alert"><h3>${t('elorda.documents.formIncomplete')}</h3>
				<ul>${findings.fields.map(error => html`<li>${labelOf(error.field, form, edition)}: ${error.message}
					<a href="/elorda/apply?step=${stepOf(error.field)}" @click="${() => carry(error)}">${t('elorda.documents.fix', {
						step: t(`elorda.step.${stepOf(error.field)}`) })}</a></li>`)}</ul></div>` : nothing}
			${findings.documents.length ? html`<h3>${t('elorda.documents.needed', { count: findings.documents.length })}</h3>
				${repeat(findings.documents, finding => `${finding.type}-${finding.holderIin}`, neededRow)}` : nothing}
			${complete ? html`<div class="notice"><p>${t('elorda.documents.complete')}</p></div>` : nothing}
			${uploadedTable()}
			<div class="actions">
				${complete ? html`<a class="button" href="/elorda/apply?step=signing">${t('elorda.documents.toSigning')}</a>` : nothing}
				<a class="button secondary" href="/elorda/apply?step=contact">${t('elorda.apply.back')}</a>
			</div>`;
	}

	function carry(error) {
		const key = idOf(error.field);
		carried = { step: stepOf(error.field), errors: { ...(carried.errors ?? {}), [key]: error.message } };
		findings.fields.filter(other => stepOf(other.field) === carried.step)
			.forEach(other => carried.errors[idOf(other.field)] = other.message);
	}

	function neededRow(finding) {
		const key = `${finding.type}-${finding.holderIin}`;
		const row = rows[key] ??= { issuedOn: today(), problem: null, busy: false };
		const legend = `${documentName(finding.type)} — ${holderName(finding.holderIin)}`;
		const fileError = row.problem?.fields?.file ?? (row.problem && !row.problem.fields?.issuedOn ? row.problem.detail || row.problem.title : null);
		return html`<fieldset class="card upload">
			<legend>${legend}</legend>
			<p class="muted">${finding.message}${finding.maxAgeDays === 0 ? html` ${t('elorda.documents.sameDay')}`
				: finding.maxAgeDays ? html` ${t('elorda.documents.maxAge', { days: finding.maxAgeDays })}` : nothing}</p>
			${input({ name: `${key}-issued`, label: t('elorda.documents.issuedOn'), type: 'date', value: row.issuedOn, max: today(),
				required: true, className: 'short', error: row.problem?.fields?.issuedOn, onInput: value => row.issuedOn = value })}
			<div class="field ${fileError ? 'has-error' : ''}">
				<label for="${key}-file">${t('elorda.documents.file')}</label>
				<span class="hint" id="${key}-file-hint">${t('elorda.documents.fileHint', { size: number(MAX_FILE / 1024 / 1024) })}</span>
				${fileError ? html`<span class="error-message" id="${key}-file-error"><span class="visually-hidden">${t('ui.error')}: </span>${fileError}</span>` : nothing}
				<input id="${key}-file" type="file" accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png" required
					aria-invalid="${fileError ? 'true' : 'false'}" aria-describedby="${key}-file-hint${fileError ? ` ${key}-file-error` : ''}">
			</div>
			<button type="button" class="button" ?disabled="${row.busy}" @click="${() => upload(finding, key)}">
				${row.busy ? t('elorda.documents.uploading') : t('elorda.documents.upload')}<span class="visually-hidden">: ${legend}</span></button>
		</fieldset>`;
	}

	async function upload(finding, key) {
		const row = rows[key];
		const file = document.getElementById(`${key}-file`)?.files?.[0];
		const size = number(MAX_FILE / 1024 / 1024);
		const refused = !file ? { file: t('elorda.documents.chooseFile') }
			: file.size > MAX_FILE ? { file: t('elorda.documents.tooLarge', { size }) }
			: !row.issuedOn ? { issuedOn: t('elorda.form.required') } : null;
		if (refused) {
			row.problem = { title: t('elorda.documents.check'), fields: refused };
			draw();
			document.getElementById(refused.issuedOn ? `${key}-issued` : `${key}-file`)?.focus();
			return;
		}
		row.busy = true;
		row.problem = null;
		status = t('elorda.documents.uploading');
		draw();
		const data = new FormData();
		data.append('type', finding.type);
		data.append('holderIin', finding.holderIin);
		data.append('issuedOn', row.issuedOn);
		data.append('file', file, file.name);
		try {
			await api(`${ELORDA}/applications/${application.id}/documents`, { form: data });
			delete rows[key];
			status = t('elorda.documents.uploaded', { name: documentName(finding.type) });
			await loadDocuments();
		}
		catch (refusal) {
			row.busy = false;
			row.problem = refusal;
			status = '';
			draw();
			document.getElementById(`${key}-file`)?.focus();
		}
	}

	async function removeDocument(doc) {
		await api(`${ELORDA}/applications/${application.id}/documents/${doc.id}`, { method: 'DELETE' });
		status = t('elorda.documents.removed', { name: documentName(doc.type) });
		await loadDocuments();
	}

	function uploadedTable() {
		if (!documents?.length) {
			return html`<p class="muted">${t('elorda.documents.none')}</p>`;
		}
		return html`<div class="table-scroll"><table>
			<caption>${t('elorda.documents.uploadedCaption', { count: documents.length })}</caption>
			<thead><tr><th scope="col">${t('elorda.documents.type')}</th><th scope="col">${t('elorda.documents.holder')}</th>
				<th scope="col">${t('elorda.documents.issuedOn')}</th><th scope="col">${t('elorda.documents.fileName')}</th>
				<th scope="col"><span class="visually-hidden">${t('elorda.documents.actions')}</span></th></tr></thead>
			<tbody>${documents.map(doc => html`<tr>
				<td>${documentName(doc.type)}</td><td>${holderName(doc.holderIin)}</td>
				<td>${new Intl.DateTimeFormat({ ru: 'ru-KZ', kk: 'kk-KZ', en: 'en-KZ' }[lang()], { dateStyle: 'short', timeZone: 'UTC' })
					.format(new Date(`${doc.issuedOn}T00:00:00Z`))}</td>
				<td>${doc.fileName} <span class="muted">(${number(Math.max(1, doc.size / 1024))} ${t('elorda.documents.kb')})</span></td>
				<td><button type="button" class="link" @click="${() => removeDocument(doc)}">${t('elorda.documents.remove')}<span
					class="visually-hidden">: ${documentName(doc.type)}</span></button></td></tr>`)}</tbody>
		</table></div>`;
	}

	// ---- signing ----

	let toSign = null;
	let signProblem = null;
	let signing = false;

	async function loadSigning() {
		try {
			toSign = await api(`${ELORDA}/applications/${application.id}/signing-content`);
			const bytes = Uint8Array.from(atob(toSign.content), c => c.charCodeAt(0));
			toSign.signed = JSON.parse(new TextDecoder().decode(bytes));
		}
		catch (refusal) {
			signProblem = refusal;
		}
		draw();
	}

	function signingStep() {
		if (!application) {
			return documentsStep();
		}
		if (!toSign && !signProblem) {
			return loading();
		}
		const signed = toSign?.signed;
		const applicant = signed?.form?.applicant;
		const incomes = (signed?.form?.householdNetIncome ?? []).map(Number);
		return html`
			<h2>${t('elorda.step.signing')}</h2>
			${signProblem ? html`<div class="alert" role="alert" tabindex="-1" id="problem">
				<h3>${signProblem.title}</h3>${signProblem.detail ? html`<p>${signProblem.detail}</p>` : nothing}
				${signProblem.status === 503 ? html`<p>${t('elorda.signing.retryLater')}</p>` : nothing}
				${signProblem.body?.code === 'application-incomplete' ? html`<p><a href="/elorda/apply?step=documents">${t('elorda.step.documents')}</a></p>` : nothing}
			</div>` : nothing}
			${signed ? html`
				<p>${t('elorda.signing.lead')}</p>
				<section class="card" aria-labelledby="signing-summary">
					<h3 id="signing-summary">${t('elorda.signing.summary')}</h3>
					<dl class="facts">
						<dt>${t('elorda.signing.applicant')}</dt><dd>${applicant?.fullName}, ${t('elorda.signing.iin')} ${signed.applicantIin}</dd>
						<dt>${t('elorda.form.category')}</dt><dd>${categoryName(signed.form.category)}</dd>
						<dt>${t('elorda.form.requestedLoan')}</dt><dd>${money(signed.form.requestedLoan)}</dd>
						<dt>${t('elorda.signing.work')}</dt><dd>${applicant?.employment?.organizationName}, ${applicant?.employment?.position}</dd>
						<dt>${t('elorda.step.family')}</dt><dd>${signed.form.family.length
							? signed.form.family.map(member => `${member.fullName} (${t(`elorda.relation.${member.relation}`)})`).join(', ')
							: t('elorda.signing.noFamily')}</dd>
						<dt>${t('elorda.signing.averageIncome')}</dt><dd>${money(incomes.reduce((a, b) => a + b, 0) / Math.max(1, incomes.length))}</dd>
						<dt>${t('elorda.signing.deposits')}</dt><dd>${money(signed.form.deposits.reduce((sum, d) => sum + Number(d.balance), 0))}</dd>
						<dt>${t('elorda.signing.documents')}</dt><dd>${t('elorda.signing.documentCount', { count: signed.documents.length })}</dd>
						<dt>${t('elorda.signing.checksum')}</dt><dd class="checksum">${toSign.sha256}</dd>
					</dl>
				</section>
				<p>${t('elorda.signing.warning')}</p>
				<div class="actions">
					<button type="button" class="button" ?disabled="${signing}" @click="${sign}">${signing
						? t('elorda.signing.signing') : t('elorda.signing.sign')}</button>
					<a class="button secondary" href="/elorda/apply?step=documents">${t('elorda.apply.back')}</a>
				</div>` : html`<p><a class="button secondary" href="/elorda/apply?step=documents">${t('elorda.apply.back')}</a></p>`}`;
	}

	async function sign() {
		signing = true;
		signProblem = null;
		status = t('elorda.signing.signing');
		draw();
		let cms;
		try {
			const { signerUrl } = await config();
			cms = await signCms({ url: signerUrl, data: toSign.content, iin: toSign.signed.applicantIin, locale: lang() });
		}
		catch (failure) {
			signing = false;
			status = '';
			signProblem = {
				unavailable: { title: t('elorda.signing.signerUnavailable'), detail: t('elorda.signing.signerUnavailableDetail') },
				cancelled: { title: t('elorda.signing.cancelled'), detail: t('elorda.signing.cancelledDetail') },
			}[failure.reason] ?? { title: t('elorda.signing.signerRefused'), detail: failure.message ?? '' };
			draw();
			focusProblem();
			return;
		}
		try {
			const submitted = await api(`${ELORDA}/applications/${application.id}/submission`, { json: { signature: cms } });
			flash(t('elorda.signing.submitted', { number: submitted.number }));
			ctx.navigate(`/elorda/my/${submitted.id}`);
		}
		catch (refusal) {
			signing = false;
			status = '';
			signProblem = refusal;
			draw();
			focusProblem();
		}
	}

	draw();
	if (step === 'documents' && application) {
		await loadDocuments();
	}
	else if (step === 'signing' && application) {
		await loadSigning();
	}
}
