// Every screen of the portal: its address (with :parameters), who may open it (roles; none: anybody), its module
// (loaded when first opened). The menu: the header's links, for anybody, for those not signed in (anonymous), or
// for the signed-in person's roles.
const STAFF = ['akimat-officer', 'bank-officer', 'cabinet-operator', 'cabinet-editor'];

export const routes = [
	{ path: '/', page: () => import('./pages/home.js') },
	// the client cabinet (DOMAIN I1–I8)
	{ path: '/cabinet/login', page: () => import('./pages/cabinet/login.js') },
	// Elorda Zhastary (DOMAIN E, S, L, A)
	{ path: '/elorda', page: () => import('./pages/elorda/terms.js') },
	{ path: '/elorda/pre-check', page: () => import('./pages/elorda/pre-check.js') },
	{ path: '/elorda/apply', page: () => import('./pages/elorda/apply.js'), roles: ['citizen'] },
	{ path: '/elorda/my', page: () => import('./pages/elorda/my.js'), roles: ['citizen'] },
	{ path: '/elorda/my/:id', page: () => import('./pages/elorda/application.js'), roles: ['citizen'] },
	{ path: '/elorda/counters', page: () => import('./pages/elorda/counters.js') },
	{ path: '/elorda/lists', page: () => import('./pages/elorda/lists.js') },
	// akimat staff and the bank
	{ path: '/staff', page: () => import('./pages/staff/home.js'), roles: STAFF },
	{ path: '/staff/login', page: () => import('./pages/staff/login.js') },
	{ path: '/staff/signed-in', page: () => import('./pages/staff/signed-in.js') },
];

export const menu = [
	{ href: '/', text: 'nav.home' },
	// the client cabinet
	{ href: '/cabinet/login', text: 'nav.cabinet', anonymous: true },
	// Elorda Zhastary
	{ href: '/elorda', text: 'nav.elorda' },
	{ href: '/elorda/my', text: 'nav.elordaMy', roles: ['citizen'] },
	// akimat staff and the bank
	{ href: '/staff/login', text: 'nav.staff', anonymous: true },
	{ href: '/staff', text: 'nav.staffHome', roles: STAFF },
];
