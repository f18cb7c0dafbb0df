// The password rules of DOMAIN I2 shown as the person types: each rule ticked or not, in words as well as by its mark
// and colour, announced politely as it changes. identity-service checks the same rules again (PasswordPolicy).
import { html } from '../../lit.js';
import { t } from '../../i18n.js';

const RULES = [
	['length', password => [...password].length >= 8],
	['lowercase', password => /\p{Ll}/u.test(password)],
	['uppercase', password => /\p{Lu}/u.test(password)],
	['digit', password => /\p{Nd}/u.test(password)],
	['symbol', password => /[^\p{L}\p{Nd}\s\p{Cc}]/u.test(password)],
	['personal', (password, repeated, personal) => password !== '' && personal.every(value => !value || !password.includes(value))],
	['same', (password, repeated) => password !== '' && password === repeated],
];

/** Whether every rule is met. personal: the IIN and account number the password may not contain. */
export function rulesMet(password, repeated, personal) {
	return RULES.every(([, met]) => met(password, repeated, personal));
}

export function passwordRules(password, repeated, personal) {
	return html`<div class="field" aria-live="polite">
		<p id="password-rules" class="muted">${t('cabinet.password.rules')}</p>
		<ul class="rules" aria-labelledby="password-rules">${RULES.map(([name, rule]) => {
			const met = rule(password, repeated, personal);
			// one text, so that a screen reader reads the rule with its new state
			const state = `${t(`cabinet.password.rule.${name}`)} — ${met ? t('cabinet.password.met') : t('cabinet.password.unmet')}`;
			return html`<li class="${met ? 'met' : ''}" data-rule="${name}"><span class="mark" aria-hidden="true">${met ? '✓' : '✗'}</span><span>${state}</span></li>`;
		})}</ul>
	</div>`;
}
