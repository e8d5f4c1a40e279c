// The colour theme: follows the system unless the person picks light or dark in Settings.
// The choice is kept in localStorage; the resolved theme is set on <html data-theme>.

export type ThemeChoice = 'system' | 'light' | 'dark';
export type ResolvedTheme = 'light' | 'dark';

export const THEME_KEY = 'outward.theme';
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** What the theme store needs from the browser, so tests can hand in fakes. */
export type ThemeEnvironment = {
	storage: Pick<Storage, 'getItem' | 'setItem'> | null;
	darkQuery: Pick<MediaQueryList, 'matches' | 'addEventListener' | 'removeEventListener'> | null;
	root: { dataset: DOMStringMap } | null;
};

export function parseChoice(value: string | null | undefined): ThemeChoice {
	return THEME_CHOICES.includes(value as ThemeChoice) ? (value as ThemeChoice) : 'system';
}

export function resolveTheme(choice: ThemeChoice, systemDark: boolean): ResolvedTheme {
	if (choice === 'system') return systemDark ? 'dark' : 'light';
	return choice;
}

export class ThemeStore {
	choice = $state<ThemeChoice>('system');
	systemDark = $state(false);
	readonly resolved = $derived(resolveTheme(this.choice, this.systemDark));
	#env: ThemeEnvironment;

	constructor(env: ThemeEnvironment) {
		this.#env = env;
		this.choice = parseChoice(readStorage(env.storage));
		this.systemDark = env.darkQuery?.matches ?? false;
		env.darkQuery?.addEventListener('change', this.#onSystemChange);
		this.#apply();
	}

	set(choice: ThemeChoice): void {
		this.choice = choice;
		try {
			this.#env.storage?.setItem(THEME_KEY, choice);
		} catch {
			// Storage can be full or disabled; the choice still holds for this session.
		}
		this.#apply();
	}

	destroy(): void {
		this.#env.darkQuery?.removeEventListener('change', this.#onSystemChange);
	}

	#onSystemChange = (event: { matches: boolean }) => {
		this.systemDark = event.matches;
		this.#apply();
	};

	#apply(): void {
		if (this.#env.root) this.#env.root.dataset.theme = resolveTheme(this.choice, this.systemDark);
	}
}

function readStorage(storage: ThemeEnvironment['storage']): string | null {
	try {
		return storage?.getItem(THEME_KEY) ?? null;
	} catch {
		return null;
	}
}

function browserEnvironment(): ThemeEnvironment {
	if (typeof window === 'undefined') return { storage: null, darkQuery: null, root: null };
	let storage: Storage | null = null;
	try {
		storage = window.localStorage;
	} catch {
		storage = null;
	}
	return {
		storage,
		darkQuery: window.matchMedia?.('(prefers-color-scheme: dark)') ?? null,
		root: document.documentElement
	};
}

let instance: ThemeStore | null = null;

/** The app's theme store, created on first use. */
export function theme(): ThemeStore {
	instance ??= new ThemeStore(browserEnvironment());
	return instance;
}
