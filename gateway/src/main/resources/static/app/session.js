// Who is signed in, in this tab only (sessionStorage): a citizen, by the cabinet's login (identity-service), or staff,
// by Keycloak's login page (authorization code with PKCE, the public client of /app/config.json). The access token
// lives 5 minutes and is renewed with the refresh token shortly before it ends; when that fails, the session is over.
import { lang } from './i18n.js';

const KEY = 'portal.session';
const PKCE = 'portal.pkce';
const RENEW_BEFORE_MS = 30_000;
const listeners = new Set();
let settings;
let renewing;

/** The browser settings the gateway serves: Keycloak's address, realm and client, the signing tool's address. */
export async function config() {
	settings ??= await (await fetch('/app/config.json')).json();
	return settings;
}

export function current() {
	const stored = sessionStorage.getItem(KEY);
	return stored ? JSON.parse(stored) : null;
}

export function roles() {
	return current()?.claims?.roles ?? [];
}

export function hasRole(...wanted) {
	return roles().some(role => wanted.includes(role));
}

/** The signed-in person's name as the token has it. */
export function displayName() {
	const claims = current()?.claims ?? {};
	return [claims.given_name, claims.family_name].filter(Boolean).join(' ') || claims.preferred_username || '';
}

/** Called with the session (or null) whenever someone signs in or out. */
export function onChange(listener) {
	listeners.add(listener);
}

function store(tokens, kind) {
	const now = Date.now();
	const session = {
		kind,
		accessToken: tokens.accessToken ?? tokens.access_token,
		refreshToken: tokens.refreshToken ?? tokens.refresh_token,
		idToken: tokens.id_token,
		expiresAt: now + 1000 * (tokens.expiresIn ?? tokens.expires_in),
	};
	session.claims = claims(session.accessToken);
	sessionStorage.setItem(KEY, JSON.stringify(session));
	listeners.forEach(listener => listener(session));
	return session;
}

function clear() {
	sessionStorage.removeItem(KEY);
	listeners.forEach(listener => listener(null));
}

function claims(jwt) {
	const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
	const bytes = Uint8Array.from(atob(payload), c => c.charCodeAt(0));
	return JSON.parse(new TextDecoder().decode(bytes));
}

async function post(url, body, form = false) {
	return fetch(url, {
		method: 'POST',
		headers: {
			'Content-Type': form ? 'application/x-www-form-urlencoded' : 'application/json',
			'Accept-Language': lang(),
		},
		body: form ? new URLSearchParams(body) : JSON.stringify(body),
	});
}

/**
 * The citizen's login (DOMAIN I3): answers the session, or the API's problem answer (wrong password with the
 * attempts left, locked until …).
 */
export async function citizenLogin(credentials) {
	const answer = await post('/api/identity/v1/sessions', credentials);
	if (!answer.ok) {
		return { problem: await answer.json(), status: answer.status };
	}
	return { session: store(await answer.json(), 'citizen') };
}

function base64url(bytes) {
	return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function random(length) {
	return base64url(crypto.getRandomValues(new Uint8Array(length)));
}

function redirectUri() {
	return location.origin + '/staff/signed-in';
}

/** Keycloak's login page; its token endpoint (and logout) the gateway serves from this origin: /oidc/token. */
async function endpoint(path) {
	if (path !== 'auth') {
		return `/oidc/${path}`;
	}
	const { keycloakUrl, realm } = await config();
	return `${keycloakUrl}/realms/${realm}/protocol/openid-connect/auth`;
}

/** Staff sign in on Keycloak's page; they come back to {@link completeStaffLogin} and then to returnTo. */
export async function staffLogin(returnTo) {
	const { clientId } = await config();
	const verifier = random(48);
	const state = random(16);
	const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
	sessionStorage.setItem(PKCE, JSON.stringify({ verifier, state, returnTo }));
	location.assign(await endpoint('auth') + '?' + new URLSearchParams({
		client_id: clientId,
		redirect_uri: redirectUri(),
		response_type: 'code',
		scope: 'openid',
		state,
		code_challenge: challenge,
		code_challenge_method: 'S256',
		ui_locales: lang(),
	}));
}

/** The end of the staff's login: the code Keycloak sent back for the token. Answers where to go next. */
export async function completeStaffLogin(query) {
	const pending = JSON.parse(sessionStorage.getItem(PKCE) ?? 'null');
	sessionStorage.removeItem(PKCE);
	if (!pending || query.get('state') !== pending.state || !query.get('code')) {
		throw new Error('login-state');
	}
	const { clientId } = await config();
	const answer = await post(await endpoint('token'), {
		grant_type: 'authorization_code',
		code: query.get('code'),
		redirect_uri: redirectUri(),
		client_id: clientId,
		code_verifier: pending.verifier,
	}, true);
	if (!answer.ok) {
		throw new Error('login-token');
	}
	store(await answer.json(), 'staff');
	return pending.returnTo || '/staff';
}

async function renew(session) {
	let answer;
	if (session.kind === 'citizen') {
		answer = await post('/api/identity/v1/sessions/refresh', { refreshToken: session.refreshToken });
	}
	else {
		const { clientId } = await config();
		answer = await post(await endpoint('token'), {
			grant_type: 'refresh_token', refresh_token: session.refreshToken, client_id: clientId,
		}, true);
	}
	if (!answer.ok) {
		clear();
		return null;
	}
	const tokens = await answer.json();
	return store({ ...tokens, id_token: tokens.id_token ?? session.idToken }, session.kind);
}

/** A valid access token, renewed when it is about to end; null when nobody is signed in (any more). */
export async function accessToken() {
	const session = current();
	if (!session) {
		return null;
	}
	if (session.expiresAt - Date.now() > RENEW_BEFORE_MS) {
		return session.accessToken;
	}
	renewing ??= renew(session).finally(() => renewing = undefined);
	return (await renewing)?.accessToken ?? null;
}

/** Ends the session at its issuer too, so that the refresh token is worthless. */
export async function logout() {
	const session = current();
	clear();
	if (!session) {
		return;
	}
	try {
		if (session.kind === 'citizen') {
			await post('/api/identity/v1/sessions/logout', { refreshToken: session.refreshToken });
		}
		else {
			const { clientId } = await config();
			await post(await endpoint('logout'), { client_id: clientId, refresh_token: session.refreshToken }, true);
		}
	}
	catch (e) {
		// signed out here in any case; the refresh token ends with its session's idle time
	}
}
