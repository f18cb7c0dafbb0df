// Every screen of the portal: its address (with :parameters), who may open it (roles; none: anybody), its module
// (loaded when first opened). The menu: the header's links, for anybody, for those not signed in (anonymous), or
// for the signed-in person's roles.
const STAFF = ['akimat-officer', 'bank-officer', 'cabinet-operator', 'cabinet-editor'];

export const routes = [
	{ path: '/', page: () => import('./pages/home.js') },
	// the client cabinet (DOMAIN I1–I8)
	{ path: '/cabinet/login', page: () => import('./pages/cabinet/login.js') },
	// Elorda Zhastary (DOMAIN E, S, L, A)
	// akimat staff and the bank
	{ path: '/staff', page: () => import('./pages/staff/home.js'), roles: STAFF },
	{ path: '/staff/login', page: () => import('./pages/staff/login.js') },
	{ path: '/staff/signed-in', page: () => import('./pages/staff/signed-in.js') },
	{ path: '/staff/applications', page: () => import('./pages/staff/applications.js'), roles: ['akimat-officer'] },
	{ path: '/staff/applications/:id', page: () => import('./pages/staff/application.js'), roles: ['akimat-officer'] },
	{ path: '/staff/lists', page: () => import('./pages/staff/lists.js'), roles: ['akimat-officer'] },
	{ path: '/bank/directions', page: () => import('./pages/bank/directions.js'), roles: ['bank-officer', 'akimat-officer'] },
	{ path: '/bank/directions/:id', page: () => import('./pages/bank/direction.js'), roles: ['bank-officer', 'akimat-officer'] },
];

export const menu = [
	{ href: '/', text: 'nav.home' },
	// the client cabinet
	{ href: '/cabinet/login', text: 'nav.cabinet', anonymous: true },
	// Elorda Zhastary
	// akimat staff and the bank
	{ href: '/staff/login', text: 'nav.staff', anonymous: true },
	{ href: '/staff', text: 'nav.staffHome', roles: STAFF },
	{ href: '/staff/applications', text: 'staff.nav.applications', roles: ['akimat-officer'] },
	{ href: '/staff/lists', text: 'staff.nav.lists', roles: ['akimat-officer'] },
	{ href: '/bank/directions', text: 'bank.nav.directions', roles: ['bank-officer'] },
];
