// Addresses to screens (History API): a link within the portal draws its screen without reloading the page, Back and
// Forward work, and every screen has an address to bookmark. A screen is a module whose default export draws it:
// async (ctx) => …, with ctx.view(template) to draw (again, as its data arrives), ctx.title(text) for the page's
// title, ctx.params and ctx.query, ctx.navigate(path).
import { html, render } from './lit.js';
import { t } from './i18n.js';
import { current, hasRole } from './session.js';
import { routes } from './routes.js';
import { cardTables } from './ui.js';

const main = () => document.getElementById('main');
let generation = 0;
const listeners = new Set();

function compile(path) {
	const names = [];
	const pattern = path.replace(/:(\w+)/g, (whole, name) => {
		names.push(name);
		return '([^/]+)';
	});
	return { regex: new RegExp(`^${pattern}/?$`), names };
}

const compiled = routes.map(route => ({ ...route, ...compile(route.path) }));

function match(pathname) {
	for (const route of compiled) {
		const found = route.regex.exec(pathname);
		if (found) {
			const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(found[i + 1])]));
			return { route, params };
		}
	}
	return null;
}

/** Called after each screen is drawn for the first time, with the path. */
export function onNavigated(listener) {
	listeners.add(listener);
}

export function navigate(path, { replace = false } = {}) {
	history[replace ? 'replaceState' : 'pushState'](null, '', path);
	return show();
}

/** Draws the screen of the current address. */
export async function show({ focus = true } = {}) {
	const mine = ++generation;
	const found = match(location.pathname);
	const query = new URLSearchParams(location.search);
	let drawn = false;
	const ctx = {
		params: found?.params ?? {},
		query,
		navigate,
		view(template) {
			if (mine !== generation) {
				return; // another screen was opened meanwhile
			}
			render(template, main());
			cardTables(main());
			if (!drawn) {
				drawn = true;
				if (focus) {
					// the new screen's heading takes the focus, so that a screen reader reads it out
					const heading = main().querySelector('h1');
					heading?.setAttribute('tabindex', '-1');
					heading?.focus();
				}
				listeners.forEach(listener => listener(location.pathname));
			}
		},
		title(text) {
			if (mine === generation) {
				document.title = `${text} — ${t('app.name')}`;
			}
		},
		reload: () => show({ focus: false }),
	};
	if (!found) {
		return (await import('./pages/not-found.js')).default(ctx);
	}
	const { route } = found;
	if (route.roles && !current()) {
		const login = route.path.startsWith('/staff') || route.path.startsWith('/bank') ? '/staff/login' : '/cabinet/login';
		return navigate(`${login}?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
	}
	if (route.roles && !hasRole(...route.roles)) {
		return (await import('./pages/forbidden.js')).default(ctx);
	}
	try {
		await (await route.page()).default(ctx);
	}
	catch (error) {
		console.error(error);
		ctx.title(t('problem.generic'));
		ctx.view(html`<h1>${t('problem.generic')}</h1><div class="alert" role="alert"><p>${error.title ?? t('problem.unreachable.title')}</p>
			<p>${error.detail ?? t('problem.unreachable.detail')}</p></div>`);
	}
}

/** Links to the portal's own addresses are followed here; others, downloads and new tabs by the browser. */
export function start() {
	document.addEventListener('click', event => {
		const link = event.target.closest('a[href]');
		if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
				|| event.altKey || link.target || link.hasAttribute('download')) {
			return;
		}
		const url = new URL(link.href, location.href);
		if (url.origin !== location.origin || url.pathname.startsWith('/api/') || (url.hash && url.pathname === location.pathname)) {
			return;
		}
		event.preventDefault();
		navigate(url.pathname + url.search);
	});
	addEventListener('popstate', () => show());
	return show({ focus: false });
}
