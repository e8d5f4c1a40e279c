// The one list of the app's screens and kinds of record. The sidebar, the command palette, the
// search opener and the root layout read it; a test checks it against the route files, which
// SvelteKit needs as files. A new screen is a route file and an entry here, nothing more.
import type { EntityKind } from '$lib/bindings/EntityKind';
import type { HitKind } from '$lib/bindings/HitKind';
import type { Overview } from '$lib/bindings/Overview';
import { ENTITY_KIND_LABELS } from '$lib/bindings/vocabulary';
import { interviewHref, type Range } from '$lib/interviews/selection';
import type { IconName } from '$lib/ui/Icon.svelte';

/**
 * What the frame draws around a screen: `full` is the sidebar beside it, `bare` gives the screen
 * the whole window (a room facilitating a workshop needs every pixel). The palette and the
 * notices are there either way. `room` is the presenter window on the projector: the screen
 * alone, without the workspace around it (that window may read only what the room sees).
 */
export type Chrome = 'full' | 'bare' | 'room';

/** The sidebar's sections, drawn in this order. */
export type SidebarGroup = 'workspace' | 'listening' | 'progress' | 'room' | 'more';

/** The record counts the overview has, one of which a sidebar entry may show. */
export type CountedKind = Exclude<
	{ [K in keyof Overview]: Overview[K] extends number ? K : never }[keyof Overview],
	'schemaVersion'
>;

export type SidebarEntry = {
	group: SidebarGroup;
	icon: IconName;
	/**
	 * The overview count shown beside the entry: `always` as a quiet number, `whenAny` as a badge
	 * that appears only when there is something to see (the Trash).
	 */
	count?: { of: CountedKind; shown: 'always' | 'whenAny' };
};

export type Screen = {
	/** The SvelteKit route id: the address itself, or with `[id]` for a record's page. */
	route: string;
	title: string;
	chrome: Chrome;
	/** A place in the sidebar; entries keep the order of this list within their group. */
	sidebar?: SidebarEntry;
	/** A "Go to" entry in the command palette, found by its title or these words. */
	palette?: { keywords: string[] };
};

export const SCREENS = {
	home: {
		route: '/home',
		title: 'Home',
		chrome: 'full',
		sidebar: { group: 'workspace', icon: 'home' },
		palette: { keywords: ['start', 'dashboard', 'overview', 'quarter', 'glance'] }
	},
	teams: {
		route: '/teams',
		title: 'Teams',
		chrome: 'full',
		sidebar: { group: 'workspace', icon: 'teams', count: { of: 'teams', shown: 'always' } },
		palette: { keywords: ['groups', 'squads'] }
	},
	team: { route: '/teams/[id]', title: 'Team', chrome: 'full' },
	people: {
		route: '/people',
		title: 'People',
		chrome: 'full',
		sidebar: { group: 'workspace', icon: 'people', count: { of: 'people', shown: 'always' } },
		palette: { keywords: ['members', 'engineers', 'staff'] }
	},
	products: {
		route: '/products',
		title: 'Products',
		chrome: 'full',
		sidebar: { group: 'workspace', icon: 'products', count: { of: 'products', shown: 'always' } },
		palette: { keywords: ['portfolio', 'services', 'offerings'] }
	},
	customers: {
		route: '/customers',
		title: 'Customers',
		chrome: 'full',
		sidebar: { group: 'workspace', icon: 'customers', count: { of: 'customers', shown: 'always' } },
		palette: { keywords: ['users', 'consumers', 'clients'] }
	},
	customer: { route: '/customers/[id]', title: 'Customer', chrome: 'full' },
	workshops: {
		route: '/workshops',
		title: 'Workshops',
		chrome: 'full',
		sidebar: { group: 'room', icon: 'workshops' },
		palette: { keywords: ['facilitate', 'retro', 'session', 'plan', 'exercise', 'agenda'] }
	},
	workshop: { route: '/workshops/[id]', title: 'Workshop', chrome: 'full' },
	facilitate: { route: '/workshops/[id]/facilitate', title: 'Facilitate', chrome: 'bare' },
	present: { route: '/workshops/[id]/present', title: 'For the room', chrome: 'room' },
	interviews: {
		route: '/interviews',
		title: 'Interviews',
		chrome: 'full',
		sidebar: { group: 'listening', icon: 'interviews', count: { of: 'interviews', shown: 'always' } },
		palette: { keywords: ['conversations', 'notes', 'support', 'import'] }
	},
	inbox: {
		route: '/inbox',
		title: 'Inbox',
		chrome: 'full',
		sidebar: { group: 'listening', icon: 'mark', count: { of: 'inbox', shown: 'whenAny' } },
		palette: { keywords: ['unmarked', 'evidence', 'to do', 'waiting'] }
	},
	newInterview: { route: '/interviews/new', title: 'Log interview', chrome: 'full' },
	interview: { route: '/interviews/[id]', title: 'Interview', chrome: 'full' },
	painPoints: {
		route: '/pain-points',
		title: 'Pain points',
		chrome: 'full',
		sidebar: { group: 'listening', icon: 'painPoints', count: { of: 'painPoints', shown: 'always' } },
		palette: { keywords: ['problems', 'issues', 'evidence', 'weight'] }
	},
	painPoint: { route: '/pain-points/[id]', title: 'Pain point', chrome: 'full' },
	themes: {
		route: '/themes',
		title: 'Themes',
		chrome: 'full',
		sidebar: { group: 'listening', icon: 'themes' },
		palette: { keywords: ['tags', 'clusters', 'affinity'] }
	},
	theme: { route: '/themes/[id]', title: 'Theme', chrome: 'full' },
	coverage: {
		route: '/coverage',
		title: 'Coverage',
		chrome: 'full',
		sidebar: { group: 'listening', icon: 'coverage' },
		palette: { keywords: ['unheard', 'silence', 'heard', 'seniority'] }
	},
	metrics: {
		route: '/metrics',
		title: 'Metrics',
		chrome: 'full',
		sidebar: { group: 'progress', icon: 'metrics' },
		palette: { keywords: ['csat', 'nps', 'satisfaction', 'measurement', 'quarter', 'interval'] }
	},
	surveys: {
		route: '/surveys',
		title: 'Surveys',
		chrome: 'full',
		sidebar: { group: 'progress', icon: 'surveys' },
		palette: { keywords: ['responses', 'import', 'csv', 'forms', 'typeform', 'questionnaire'] }
	},
	survey: { route: '/surveys/[id]', title: 'Survey', chrome: 'full' },
	tickets: {
		route: '/tickets',
		title: 'Tickets',
		chrome: 'full',
		sidebar: { group: 'progress', icon: 'tickets' },
		palette: { keywords: ['black hole', 'first response', 'jira', 'servicenow', 'github', 'support', 'requests', 'import'] }
	},
	rota: {
		route: '/rota',
		title: 'Support rota',
		chrome: 'full',
		sidebar: { group: 'progress', icon: 'people' },
		palette: { keywords: ['support', 'on call', 'rotation', 'absence', 'seniority', 'coverage', 'shift', 'conversation'] }
	},
	migrations: {
		route: '/migrations',
		title: 'Migrations',
		chrome: 'full',
		sidebar: { group: 'progress', icon: 'migrations' },
		palette: { keywords: ['burn-up', 'deadline', 'upgrade', 'deprecation', 'consumer teams', 'blocked'] }
	},
	migration: { route: '/migrations/[id]', title: 'Migration', chrome: 'full' },
	goals: {
		route: '/goals',
		title: 'Goals',
		chrome: 'full',
		sidebar: { group: 'progress', icon: 'goals' },
		palette: { keywords: ['targets', 'objectives', 'baseline', 'trend'] }
	},
	goal: { route: '/goals/[id]', title: 'Goal', chrome: 'full' },


	commitments: {
		route: '/commitments',
		title: 'Commitments',
		chrome: 'full',
		sidebar: { group: 'progress', icon: 'check' },
		palette: { keywords: ['quarter', 'check-in', 'okr', 'goals', 'board', 'at risk', 'close quarter'] }
	},
	kudos: {
		route: '/kudos',
		title: 'Kudos',
		chrome: 'full',
		sidebar: { group: 'progress', icon: 'sparkle' },
		palette: { keywords: ['thanks', 'recognition', 'celebrate', 'wall'] }
	},
	commitment: { route: '/commitments/[id]', title: 'Commitment', chrome: 'full' },
	review: {
		route: '/review',
		title: 'Quarterly review',
		chrome: 'full',
		sidebar: { group: 'progress', icon: 'metrics' },
		palette: { keywords: ['quarter', 'review', 'retrospective', 'chain', 'evidence', 'outcome', 'close quarter', 'snapshot'] }
	},	year: {
		route: '/year',
		title: 'The year in review',
		chrome: 'full',
		palette: { keywords: ['year', 'annual', 'improvements', 'celebrate', 'most heard', 'kudos'] }
	},
	exercises: {
		route: '/exercises',
		title: 'Exercises',
		chrome: 'full',
		sidebar: { group: 'room', icon: 'exercises' },
		palette: { keywords: ['workshop', 'library', 'templates', 'facilitate', 'agenda'] }
	},
	hiring: {
		route: '/hiring',
		title: 'Hiring',
		chrome: 'full',
		sidebar: { group: 'room', icon: 'people' },
		palette: { keywords: ['interview loop', 'question bank', 'empathy', 'candidate', 'guide', 'recruit'] }
	},
	exercise: { route: '/exercises/[id]', title: 'Exercise', chrome: 'full' },
	exerciseEditor: { route: '/exercises/[id]/edit', title: 'Edit exercise', chrome: 'full' },
	trash: {
		route: '/trash',
		title: 'Trash',
		chrome: 'full',
		sidebar: { group: 'more', icon: 'trash', count: { of: 'trash', shown: 'whenAny' } },
		palette: { keywords: ['deleted', 'restore', 'bin'] }
	},
	settings: {
		route: '/settings',
		title: 'Settings',
		chrome: 'full',
		sidebar: { group: 'more', icon: 'settings' },
		palette: { keywords: ['about', 'backup', 'theme', 'database'] }
	}
} as const satisfies Record<string, Screen>;

export type ScreenName = keyof typeof SCREENS;

/** Where the workspace opens, and where the brand in the sidebar leads. */
export const HOME: ScreenName = 'home';

export type RecordKind = {
	/** The word people read, from the core's vocabulary. */
	label: string;
	/** The screen that lists this kind and opens its create form. */
	list: ScreenName;
	/** The address that shows one record; a passage applies where the record has text. */
	href: (id: string, at?: Range | null) => string;
	/** The palette's create entry. `page` is set when creating is a page of its own, not a dialog. */
	create: { label: string; keywords: string[]; page?: string };
};

/**
 * Kinds with no screen of their own yet: a workshop shows the cards and action items it made,
 * and the Trash lists them by their label. They have no address and no palette entry.
 */
export type UnlistedKind = 'actionItem' | 'card' | 'measurement';

/**
 * A kind that search finds also has the heading its hits are grouped under. A workshop card has
 * no address of its own: its hit opens the workshop it was written in.
 */
type RecordKinds = {
	[K in EntityKind]: (K extends UnlistedKind ? { label: string } : RecordKind) &
		(K extends HitKind ? { searchGroup: string } : unknown);
};

/** The kinds that have a screen, an address and a create entry. */
export type ListedKind = Exclude<EntityKind, UnlistedKind>;

/** Whether a kind has a screen of its own. */
export function isListed(kind: EntityKind): kind is ListedKind {
	return 'list' in RECORD_KINDS[kind];
}

export const RECORD_KINDS: RecordKinds = {
	team: {
		label: ENTITY_KIND_LABELS.team,
		list: 'teams',
		href: (id) => `/teams/${id}`,
		create: { label: 'New team', keywords: ['add', 'create'] }
	},
	person: {
		label: ENTITY_KIND_LABELS.person,
		list: 'people',
		href: () => SCREENS.people.route,
		create: { label: 'New person', keywords: ['add', 'create', 'member'] }
	},
	product: {
		label: ENTITY_KIND_LABELS.product,
		list: 'products',
		href: () => SCREENS.products.route,
		create: { label: 'New product', keywords: ['add', 'create', 'service'] }
	},
	customer: {
		label: ENTITY_KIND_LABELS.customer,
		list: 'customers',
		href: (id) => `/customers/${id}`,
		create: { label: 'New customer', keywords: ['add', 'create', 'client'] }
	},
	interview: {
		label: ENTITY_KIND_LABELS.interview,
		list: 'interviews',
		href: interviewHref,
		// Logging an interview is a page of its own, not a dialog.
		create: {
			label: 'Log interview',
			keywords: ['add', 'create', 'new', 'conversation', 'notes'],
			page: SCREENS.newInterview.route
		},
		searchGroup: 'Interviews'
	},
	painPoint: {
		label: ENTITY_KIND_LABELS.painPoint,
		list: 'painPoints',
		href: (id) => `/pain-points/${id}`,
		create: { label: 'New pain point', keywords: ['add', 'create', 'problem'] },
		searchGroup: 'Pain points'
	},
	theme: {
		label: ENTITY_KIND_LABELS.theme,
		list: 'themes',
		href: (id) => `/themes/${id}`,
		create: { label: 'New theme', keywords: ['add', 'create', 'tag'] },
		searchGroup: 'Themes'
	},
	workshop: {
		label: ENTITY_KIND_LABELS.workshop,
		list: 'workshops',
		href: (id) => `/workshops/${id}`,
		create: { label: 'Plan a workshop', keywords: ['new', 'schedule', 'facilitate', 'session'] }
	},
	card: { label: ENTITY_KIND_LABELS.card, searchGroup: 'Workshop cards' },
	exercise: {
		label: ENTITY_KIND_LABELS.exercise,
		list: 'exercises',
		href: (id) => `/exercises/${id}`,
		// A team's exercise starts as a copy of one in the library, chosen on its screen.
		create: {
			label: 'Copy an exercise from the library',
			keywords: ['add', 'create', 'new', 'workshop', 'template'],
			page: SCREENS.exercises.route
		}
	},
	commitment: {
		label: ENTITY_KIND_LABELS.commitment,
		list: 'commitments',
		href: (id) => `/commitments/${id}`,
		create: { label: 'New commitment', keywords: ['add', 'create', 'commit', 'quarter'] }
	},
	kudos: {
		label: ENTITY_KIND_LABELS.kudos,
		list: 'kudos',
		href: () => SCREENS.kudos.route,
		create: { label: 'Give kudos', keywords: ['thank', 'thanks', 'recognise', 'celebrate'] }
	},
	actionItem: { label: ENTITY_KIND_LABELS.actionItem },
	measurement: { label: ENTITY_KIND_LABELS.measurement },
	metric: {
		label: ENTITY_KIND_LABELS.metric,
		list: 'metrics',
		href: () => SCREENS.metrics.route,
		create: { label: 'New metric', keywords: ['add', 'create', 'csat', 'nps', 'measure'] }
	},
	survey: {
		label: ENTITY_KIND_LABELS.survey,
		list: 'surveys',
		href: (id) => `/surveys/${id}`,
		// Search finds what respondents wrote; a hit opens the round.
		searchGroup: 'Survey comments',
		create: { label: 'New survey round', keywords: ['add', 'create', 'import', 'responses'] }
	},
	goal: {
		label: ENTITY_KIND_LABELS.goal,
		list: 'goals',
		href: (id) => `/goals/${id}`,
		create: { label: 'New goal', keywords: ['add', 'create', 'target', 'objective'] }
	},
	ticket: {
		label: ENTITY_KIND_LABELS.ticket,
		list: 'tickets',
		href: () => SCREENS.tickets.route,
		// Tickets come from a tracker's export, imported on their screen.
		create: { label: 'Import tickets', keywords: ['jira', 'servicenow', 'github', 'export', 'csv'], page: SCREENS.tickets.route }
	},
	absence: {
		label: ENTITY_KIND_LABELS.absence,
		list: 'rota',
		href: () => SCREENS.rota.route,
		create: { label: 'Add an absence', keywords: ['away', 'holiday', 'leave', 'rota'], page: SCREENS.rota.route }
	},
	supportWeek: {
		label: ENTITY_KIND_LABELS.supportWeek,
		list: 'rota',
		href: () => SCREENS.rota.route,
		create: { label: 'Plan the support rota', keywords: ['support', 'rotation', 'on call'], page: SCREENS.rota.route }
	},
	supportConversation: {
		label: ENTITY_KIND_LABELS.supportConversation,
		list: 'rota',
		href: () => SCREENS.rota.route,
		create: { label: 'Log a support conversation', keywords: ['support', 'customer', 'note'], page: SCREENS.rota.route }
	},
	hiringQuestion: {
		label: ENTITY_KIND_LABELS.hiringQuestion,
		list: 'hiring',
		href: () => SCREENS.hiring.route,
		create: { label: 'New hiring question', keywords: ['interview', 'empathy', 'bank', 'candidate'] }
	},
	interviewGuide: {
		label: ENTITY_KIND_LABELS.interviewGuide,
		list: 'hiring',
		href: () => SCREENS.hiring.route,
		create: { label: 'New interview guide', keywords: ['hiring', 'loop', 'empathy', 'candidate'] }
	},
	migration: {
		label: ENTITY_KIND_LABELS.migration,
		list: 'migrations',
		href: (id) => `/migrations/${id}`,
		create: { label: 'New migration', keywords: ['add', 'create', 'plan', 'upgrade'], page: SCREENS.migrations.route }
	}
};

/** Screens as a list, in the registry's order. */
export function screens(): (Screen & { name: ScreenName })[] {
	return (Object.keys(SCREENS) as ScreenName[]).map((name) => ({ name, ...SCREENS[name] }));
}

/** The screens in one sidebar group, in order. */
export function sidebarEntries(group: SidebarGroup): (Screen & { name: ScreenName; sidebar: SidebarEntry })[] {
	return screens().filter(
		(screen): screen is Screen & { name: ScreenName; sidebar: SidebarEntry } => screen.sidebar?.group === group
	);
}

/**
 * The chrome for the route being shown (SvelteKit's `page.route.id`), from `list`. A route the
 * registry does not know (the not-found page has none) keeps the sidebar, so a person can
 * always navigate away.
 */
export function chromeAt(routeId: string | null, list: readonly Screen[] = screens()): Chrome {
	return list.find((screen) => screen.route === routeId)?.chrome ?? 'full';
}
