// Calls to the suite's API through this gateway: the signed-in person's token, the page's language, JSON both ways.
// A refusal comes back as a Problem (RFC 9457 problem details, already in the page's language).
import { lang, t } from './i18n.js';
import { accessToken } from './session.js';

export class Problem extends Error {

	constructor(status, body) {
		super(body.detail || body.title || String(status));
		this.status = status;
		this.body = body;
	}

	get title() {
		return this.body.title || t('problem.generic');
	}

	get detail() {
		return this.body.detail || '';
	}

	/** The fields the API named, {field: message}. */
	get fields() {
		return Object.fromEntries((this.body.errors ?? []).map(error => [error.field, error.message]));
	}
}

/** The service could not be reached or answered something that is not problem details. */
function unreachable(status) {
	return new Problem(status, { title: t('problem.unreachable.title'), detail: t('problem.unreachable.detail') });
}

/**
 * Calls the API. options: method, json (a body to send as JSON), form (a FormData), accept ('json', 'blob' or
 * 'response'). Answers the parsed JSON (null for 204), or throws a Problem.
 */
export async function api(path, options = {}) {
	const headers = { 'Accept-Language': lang(), Accept: 'application/json, application/problem+json' };
	const token = await accessToken();
	if (token) {
		headers.Authorization = `Bearer ${token}`;
	}
	let body;
	if (options.json !== undefined) {
		headers['Content-Type'] = 'application/json';
		body = JSON.stringify(options.json);
	}
	else if (options.form) {
		body = options.form;
	}
	let response;
	try {
		response = await fetch(path, { method: options.method ?? (body ? 'POST' : 'GET'), headers, body });
	}
	catch (e) {
		throw unreachable(0);
	}
	if (!response.ok) {
		const type = response.headers.get('Content-Type') ?? '';
		if (type.includes('json')) {
			throw new Problem(response.status, await response.json());
		}
		throw unreachable(response.status);
	}
	if (options.accept === 'response') {
		return response;
	}
	if (options.accept === 'blob') {
		return response.blob();
	}
	return response.status === 204 ? null : response.json();
}

/** A query string of the values that are set. */
export function query(params) {
	const set = Object.entries(params).filter(([, value]) => value !== undefined && value !== null && value !== '');
	return set.length ? '?' + new URLSearchParams(set) : '';
}
