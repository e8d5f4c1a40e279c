import { describe, expect, it } from 'vitest';
import { THEME_KEY, ThemeStore, parseChoice, resolveTheme, type ThemeEnvironment } from './theme.svelte';

function fakeEnvironment(stored: string | null, systemDark: boolean) {
	const values = new Map<string, string>(stored === null ? [] : [[THEME_KEY, stored]]);
	const listeners: ((event: { matches: boolean }) => void)[] = [];
	const root = { dataset: {} as DOMStringMap };
	const env: ThemeEnvironment = {
		storage: {
			getItem: (key) => values.get(key) ?? null,
			setItem: (key, value) => void values.set(key, value)
		},
		darkQuery: {
			matches: systemDark,
			addEventListener: (_type: string, listener: unknown) =>
				void listeners.push(listener as (event: { matches: boolean }) => void),
			removeEventListener: () => undefined
		} as ThemeEnvironment['darkQuery'],
		root
	};
	return { env, values, root, systemChanges: (matches: boolean) => listeners.forEach((l) => l({ matches })) };
}

describe('theme', () => {
	it('resolves the system choice from the system setting', () => {
		expect(resolveTheme('system', true)).toBe('dark');
		expect(resolveTheme('system', false)).toBe('light');
		expect(resolveTheme('light', true)).toBe('light');
	});

	it('treats unknown stored values as the system choice', () => {
		expect(parseChoice('sepia')).toBe('system');
		expect(parseChoice(null)).toBe('system');
		expect(parseChoice('dark')).toBe('dark');
	});

	it('follows the system until the person picks a theme', () => {
		const fake = fakeEnvironment(null, true);
		const store = new ThemeStore(fake.env);
		expect(store.choice).toBe('system');
		expect(fake.root.dataset.theme).toBe('dark');
		fake.systemChanges(false);
		expect(fake.root.dataset.theme, 'a system change applies at once').toBe('light');
	});

	it('keeps a manual choice in storage and over the system setting', () => {
		const fake = fakeEnvironment(null, true);
		const store = new ThemeStore(fake.env);
		store.set('light');
		expect(fake.values.get(THEME_KEY)).toBe('light');
		expect(fake.root.dataset.theme).toBe('light');
		fake.systemChanges(true);
		expect(fake.root.dataset.theme, 'the manual choice wins over the system').toBe('light');
	});

	it('restores the stored choice on start', () => {
		const fake = fakeEnvironment('dark', false);
		const store = new ThemeStore(fake.env);
		expect(store.choice).toBe('dark');
		expect(store.resolved).toBe('dark');
		expect(fake.root.dataset.theme).toBe('dark');
	});
});
