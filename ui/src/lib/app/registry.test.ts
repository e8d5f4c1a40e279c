import { readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { createRawSnippet } from 'svelte';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { ENTITY_KINDS } from '$lib/bindings/vocabulary';
import Frame from './Frame.svelte';
import { chromeAt, HOME, isListed, RECORD_KINDS, SCREENS, screens, sidebarEntries, type Screen, type ScreenName } from './registry';

/** A screen by name, as the general type (the registry's own type is each entry's literal). */
const screen = (name: ScreenName): Screen => SCREENS[name];

const ROUTES = resolve(import.meta.dirname, '../../routes');

/** SvelteKit's id of every route that has a page, from the files under `src/routes`. */
function routeFiles(dir = ROUTES): { id: string; files: string[] }[] {
	const entries = readdirSync(dir, { withFileTypes: true });
	const files = entries.filter((e) => e.isFile() && /^\+page\.(svelte|ts)$/.test(e.name)).map((e) => e.name);
	const here = files.length ? [{ id: `/${relative(ROUTES, dir).split(sep).join('/')}`, files }] : [];
	return [...here, ...entries.filter((e) => e.isDirectory()).flatMap((e) => routeFiles(join(dir, e.name)))];
}

describe('the screen registry', () => {
	const routes = routeFiles();
	// The root only redirects to the home screen; it draws nothing of its own.
	const screenRoutes = routes.filter((route) => route.id !== '/');

	it('has a route file for every screen, and a screen for every route file', () => {
		expect(
			screenRoutes.map((route) => route.id).sort(),
			'each screen in the registry is a +page.svelte under src/routes, and nothing else is'
		).toEqual(screens().map((screen) => screen.route).sort());
	});

	it('leaves the root as a redirect to the home screen', () => {
		expect(routes.find((route) => route.id === '/')?.files, 'the root has only its redirect').toEqual(['+page.ts']);
		expect(screen(HOME).sidebar, 'the home screen is reachable from the sidebar').toBeDefined();
	});

	it('keeps the sidebar in the order people know', () => {
		const titles = (group: Parameters<typeof sidebarEntries>[0]) => sidebarEntries(group).map((e) => e.title);
		expect(titles('workspace')).toEqual(['Home', 'Teams', 'People', 'Products', 'Customers']);
		expect(titles('listening')).toEqual(['Interviews', 'Inbox', 'Pain points', 'Themes', 'Coverage']);
		expect(titles('progress')).toEqual(['Metrics', 'Surveys', 'Tickets', 'Support rota', 'Migrations', 'Goals', 'Commitments', 'Kudos', 'Quarterly review']);
		expect(titles('room')).toEqual(['Workshops', 'Exercises', 'Hiring']);
		expect(titles('more')).toEqual(['Trash', 'Settings']);
	});

	it('opens every kind of record from a screen that exists', () => {
		for (const { value: kind, label } of ENTITY_KINDS) {
			expect(RECORD_KINDS[kind].label, `${kind} reads as the core names it`).toBe(label);
			if (!isListed(kind)) continue;
			const record = RECORD_KINDS[kind];
			expect(screen(record.list).sidebar, `${kind} is listed on a screen in the sidebar`).toBeDefined();
			const address = new URL(record.href('abc'), 'http://outward').pathname;
			const shown = screens().some((s) => new RegExp(`^${s.route.replace('[id]', '[^/]+')}$`).test(address));
			expect(shown, `${kind} opens at ${address}, a screen in the registry`).toBe(true);
		}
	});
});

describe('chrome', () => {
	it('keeps the sidebar for every screen but facilitation and the room, and for a route the registry does not know', () => {
		const whole = ['/workshops/[id]/facilitate', '/workshops/[id]/present'];
		for (const entry of screens()) expect(chromeAt(entry.route), entry.route).toBe(whole.includes(entry.route) ? entry.chrome : 'full');
		expect(chromeAt('/workshops/[id]/facilitate')).toBe('bare');
		expect(chromeAt('/workshops/[id]/present'), 'the presenter window has no workspace around it').toBe('room');
		expect(chromeAt(null), 'the not-found page keeps a way out').toBe('full');
	});

	it('gives a screen that declares bare chrome the whole window, without the sidebar', () => {
		const facilitate: Screen = { route: '/workshops/[id]/facilitate', title: 'Facilitate', chrome: 'bare' };
		const chrome = chromeAt(facilitate.route, [...screens(), facilitate]);
		expect(chrome).toBe('bare');

		const props = (chrome: Screen['chrome']) => ({
			chrome,
			sidebar: createRawSnippet(() => ({ render: () => '<nav aria-label="Main">sidebar</nav>' })),
			children: createRawSnippet(() => ({ render: () => '<h1>the screen</h1>' }))
		});
		const bare = render(Frame, { props: props(chrome) }).body;
		expect(bare, 'the screen is drawn').toContain('<h1>the screen</h1>');
		expect(bare, 'no sidebar and no link to skip it').not.toMatch(/sidebar|Skip to content/);
		const full = render(Frame, { props: props('full') }).body;
		expect(full, 'full chrome draws the sidebar beside the screen').toMatch(/Skip to content[\s\S]*sidebar[\s\S]*the screen/);
	});
});
