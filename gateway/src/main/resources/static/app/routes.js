// Every screen of the portal: its address (with :parameters), who may open it (roles; none: anybody), its module
// (loaded when first opened). The menu: the header's links, for anybody, for those not signed in (anonymous), or
// for the signed-in person's roles.
const STAFF = ['akimat-officer', 'bank-officer', 'cabinet-operator', 'cabinet-editor'];

export const routes = [
	{ path: '/', page: () => import('./pages/home.js') },
	// the client cabinet (DOMAIN I1–I8)
	{ path: '/cabinet/login', page: () => import('./pages/cabinet/login.js') },
	{ path: '/cabinet', page: () => import('./pages/cabinet/home.js'), roles: ['citizen'] },
	{ path: '/cabinet/contracts/:id', page: () => import('./pages/cabinet/home.js'), roles: ['citizen'] },
	{ path: '/cabinet/contracts/:id/schedule', page: () => import('./pages/cabinet/schedule.js'), roles: ['citizen'] },
	{ path: '/cabinet/registration', page: () => import('./pages/cabinet/registration.js') },
	{ path: '/cabinet/password-reset', page: () => import('./pages/cabinet/password-reset.js') },
	{ path: '/cabinet/profile', page: () => import('./pages/cabinet/profile.js'), roles: ['citizen'] },
	{ path: '/cabinet/email-confirmation', page: () => import('./pages/cabinet/email-confirmation.js') },
	{ path: '/cabinet/faq', page: () => import('./pages/cabinet/faq.js') },
	{ path: '/cabinet/messages', page: () => import('./pages/cabinet/messages.js'), roles: ['citizen'] },
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
	{ href: '/cabinet', text: 'cabinet.nav.cabinet', roles: ['citizen'] },
	{ href: '/cabinet/messages', text: 'cabinet.nav.messages', roles: ['citizen'] },
	{ href: '/cabinet/faq', text: 'cabinet.nav.faq', roles: ['citizen'] },
	{ href: '/cabinet/faq', text: 'cabinet.nav.faq', anonymous: true },
	// Elorda Zhastary
	{ href: '/elorda', text: 'nav.elorda' },
	{ href: '/elorda/my', text: 'nav.elordaMy', roles: ['citizen'] },
	// akimat staff and the bank
	{ href: '/staff/login', text: 'nav.staff', anonymous: true },
	{ href: '/staff', text: 'nav.staffHome', roles: STAFF },
	{ href: '/staff/applications', text: 'staff.nav.applications', roles: ['akimat-officer'] },
	{ href: '/staff/lists', text: 'staff.nav.lists', roles: ['akimat-officer'] },
	{ href: '/bank/directions', text: 'bank.nav.directions', roles: ['bank-officer'] },
];
