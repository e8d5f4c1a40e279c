// Shared set-up for the screen tests: Debian's Chromium through playwright-core, the app served
// from `build/`, the app's real commands and core behind it (backend.js), axe checks, CSP checks
// and screenshots.
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, inject } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BACKEND = readFileSync(resolve(import.meta.dirname, 'backend.js'), 'utf8');
const SHOTS = resolve(import.meta.dirname, '../../test-results');

export type Scenario = (
	| { scenario: 'empty' }
	| { scenario: 'example' }
	| { scenario: 'unreachable' }
	| {
			scenario: 'failure';
			failure: { databasePath: string; reason: string; latestBackup: string | null };
	  }
) & {
	/** Milliseconds before these commands are sent to the backend (0 for the others). */
	slow?: Record<string, number>;
};

export type OpenOptions = {
	/** The system colour scheme Chromium reports. */
	colorScheme?: 'light' | 'dark';
	/** A theme choice already saved in localStorage. */
	storedTheme?: 'system' | 'light' | 'dark';
	path?: string;
	/** Runs on the browser context before the app loads (to hold back requests, say). */
	beforeLoad?: (context: BrowserContext) => Promise<void>;
};

export async function launch(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--no-first-run',
			'--disable-sync'
		]
	});
}

/** Opens the app on a fresh database and waits until the first screen is drawn. */
export async function openApp(
	browser: Browser,
	backend: Scenario,
	options: OpenOptions = {}
): Promise<Page> {
	const context = await browser.newContext({
		viewport: { width: 1366, height: 860 },
		colorScheme: options.colorScheme ?? 'light',
		reducedMotion: 'reduce'
	});
	await context.addInitScript(
		({ config, theme }) => {
			(window as unknown as Record<string, unknown>).__OUTWARD_BACKEND_CONFIG__ = config;
			if (theme) localStorage.setItem('outward.theme', theme);
			document.addEventListener('securitypolicyviolation', (event) => {
				const list = ((window as unknown as Record<string, unknown>).__cspViolations ??= []) as string[];
				// Style attributes in Svelte templates (SvelteKit's route announcer, bits-ui's
				// `display: contents` wrappers) are dropped under `style-src 'self'`; app.css gives
				// those elements the same styles, so the app does not rely on them. Everything else
				// (scripts above all) must be allowed by the policy.
				if (event.violatedDirective === 'style-src-attr') return;
				list.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
			});
		},
		{ config: backend, theme: options.storedTheme ?? null }
	);
	await context.addInitScript({ content: BACKEND });
	await options.beforeLoad?.(context);
	// As Tauri does with `freezePrototype: true`, after its own scripts and before the app's.
	await context.addInitScript({ content: 'Object.freeze(Object.prototype);' });
	const page = watched(await context.newPage());
	await page.goto(`${inject('baseUrl')}${options.path ?? '/'}`);
	// Every first screen (welcome, workspace, failure) is a <main>; the splash is not.
	await page.locator('main').first().waitFor({ state: 'visible' });
	return page;
}

type PageWithProblems = Page & { problems?: string[] };

/** Collects uncaught errors and console errors of `page` for `expectHealthy`. */
function watched(page: Page): Page {
	const problems: string[] = [];
	page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
	page.on('console', (message) => {
		// The browser also logs each dropped style attribute (see `expectHealthy`).
		if (message.type() === 'error' && !message.text().startsWith('Applying inline style violates'))
			problems.push(`console error: ${message.text()}`);
	});
	(page as PageWithProblems).problems = problems;
	return page;
}

/**
 * Closes `page` the way a crash or a killed window does (no unload handlers, so nothing more is
 * saved), and opens the app again at `path` in the same browser profile, on the same database.
 */
export async function crashAndReopen(page: Page, path: string): Promise<Page> {
	const context = page.context();
	await page.close({ runBeforeUnload: false });
	const next = watched(await context.newPage());
	await next.goto(`${inject('baseUrl')}${path}`);
	await next.locator('main').first().waitFor({ state: 'visible' });
	return next;
}

/** Fails on uncaught errors, console errors and Content-Security-Policy violations. */
export async function expectHealthy(page: Page): Promise<void> {
	const violations = await page.evaluate(
		() => ((window as unknown as Record<string, unknown>).__cspViolations as string[]) ?? []
	);
	expect(violations, 'the app runs under the strict CSP').toEqual([]);
	expect((page as PageWithProblems).problems ?? [], 'no errors in the page').toEqual([]);
}

/** Runs axe (WCAG 2.1 A and AA) and fails on any serious or critical violation. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
	const result = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
		.analyze();
	const blocking = result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => ({
			rule: v.id,
			impact: v.impact,
			help: v.help,
			nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`)
		}));
	expect(blocking, `axe on ${label}`).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
	mkdirSync(SHOTS, { recursive: true });
	await page.screenshot({ path: resolve(SHOTS, `${name}.png`) });
}

/** Waits until the chart in `figure` has been drawn: its canvas holds some pixel that is not blank. */
export async function expectDrawn(figure: Locator): Promise<void> {
	const canvas = (await visible(figure.locator('canvas'))).first();
	// A chart is drawn once its canvas comes near the window, as a person scrolling sees it.
	await canvas.scrollIntoViewIfNeeded();
	await expect
		.poll(
			() =>
				canvas.evaluate((c: HTMLCanvasElement) => {
					if (!c.width || !c.height) return false;
					const pixels = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
					return pixels.some((value, i) => i % 4 === 3 && value !== 0);
				}),
			{ message: 'the chart is drawn on its canvas' }
		)
		.toBe(true);
}

/** Waits until `locator` is visible; a clearer failure than a timeout deep in a click. */
export async function visible(locator: Locator, timeout = 5000): Promise<Locator> {
	await locator.first().waitFor({ state: 'visible', timeout });
	return locator;
}

export async function pressPaletteShortcut(page: Page): Promise<void> {
	await page.keyboard.press('Control+k');
}

type BackendWindow = {
	__backend: {
		calls: { command: string; args: unknown }[];
		failNext: (command: string, report: unknown) => void;
		chooseFolder: (folder: string | null) => Promise<void>;
		send: (command: string, args: unknown) => Promise<unknown>;
	};
};

/** Whether the sidebar's entry for `route` shows within the sidebar's scrolled list. */
export function sidebarEntryInView(page: Page, route: string): Promise<boolean> {
	return page.getByRole('navigation', { name: 'Main' }).evaluate((nav, route) => {
		const list = nav.querySelector('.nav-lists')!.getBoundingClientRect();
		const entry = nav.querySelector(`a[href="${route}"]`)!.getBoundingClientRect();
		return entry.top >= list.top - 1 && entry.bottom <= list.bottom + 1;
	}, route);
}

/** The elements matching `selector` whose centre a toast covers, by their link, label or text. */
export function underToasts(page: Page, selector: string): Promise<string[]> {
	return page.evaluate(
		(selector) =>
			[...document.querySelectorAll(selector)].flatMap((element) => {
				const box = element.getBoundingClientRect();
				const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
				return hit?.closest('.toasts') ? [element.getAttribute('href') ?? element.getAttribute('aria-label') ?? element.textContent!.trim()] : [];
			}),
		selector
	);
}

/** The commands the app called, in order, with their arguments. */
export async function calls(page: Page): Promise<{ command: string; args: unknown }[]> {
	return page.evaluate(() => (window as unknown as BackendWindow).__backend.calls);
}

/** Makes the next call of `command` fail with `report`, without running it. */
export async function failNext(page: Page, command: string, report: unknown): Promise<void> {
	await page.evaluate(
		([c, r]) => (window as unknown as BackendWindow).__backend.failNext(c as string, r),
		[command, report] as const
	);
}

/** What the import's folder picker answers from now on: a folder on disk, or null (Cancel). */
export async function setChosenFolder(page: Page, folder: string | null): Promise<void> {
	await page.evaluate((f) => (window as unknown as BackendWindow).__backend.chooseFolder(f), folder);
}

/** Runs a real command on the page's backend (not recorded in `calls`), e.g. to read what is stored. */
export async function backend<T>(page: Page, command: string, args: Record<string, unknown> = {}): Promise<T> {
	return page.evaluate(
		([c, a]) => (window as unknown as BackendWindow).__backend.send(c as string, a),
		[command, args] as const
	) as Promise<T>;
}

/** Selects `text` in the textarea `locator` (first occurrence) as a person would with the mouse. */
export async function selectInTextarea(locator: Locator, text: string): Promise<{ start: number; end: number }> {
	return locator.evaluate((element, wanted) => {
		const textarea = element as HTMLTextAreaElement;
		const start = textarea.value.indexOf(wanted);
		if (start < 0) throw new Error(`“${wanted}” is not in the notes`);
		textarea.focus();
		textarea.setSelectionRange(start, start + wanted.length);
		textarea.dispatchEvent(new Event('select'));
		return { start, end: start + wanted.length };
	}, text);
}

/** The text selected in the textarea `locator`. */
/** Shows the raw notes of the interview on screen (a saved one opens rendered) and returns them. */
export async function writeNotes(page: Page): Promise<Locator> {
	await page.getByRole('button', { name: 'Write', exact: true }).click();
	return visible(page.getByTestId('notes'));
}

/** The text selected in the interview's notes, raw or rendered. */
export async function notesSelection(page: Page): Promise<string> {
	return page.evaluate(() => {
		const textarea = document.querySelector<HTMLTextAreaElement>('[data-testid="notes"]');
		if (textarea) return textarea.value.slice(textarea.selectionStart, textarea.selectionEnd);
		const preview = document.querySelector('[data-testid="notes-preview"]');
		const selection = getSelection();
		if (!preview || !selection || selection.rangeCount === 0) return '';
		return preview.contains(selection.getRangeAt(0).commonAncestorContainer) ? selection.toString() : '';
	});
}

/** Selects the first `text` shown in the rendered notes, as a drag with the mouse would. */
export async function selectInPreview(page: Page, text: string): Promise<void> {
	const found = await page.evaluate((text) => {
		const root = document.querySelector('[data-testid="notes-preview"]');
		if (!root) return false;
		const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		const nodes: Text[] = [];
		while (walker.nextNode()) nodes.push(walker.currentNode as Text);
		const start = nodes.map((n) => n.data).join('').indexOf(text);
		if (start < 0) return false;
		const point = (offset: number, end: boolean): [Text, number] => {
			let seen = 0;
			for (const node of nodes) {
				if (end ? offset <= seen + node.data.length : offset < seen + node.data.length) return [node, offset - seen];
				seen += node.data.length;
			}
			throw new Error('outside the notes');
		};
		const range = document.createRange();
		range.setStart(...point(start, false));
		range.setEnd(...point(start + text.length, true));
		getSelection()?.removeAllRanges();
		getSelection()?.addRange(range);
		return true;
	}, text);
	expect(found, `the rendered notes show “${text}”`).toBe(true);
}

export async function selectedText(locator: Locator): Promise<string> {
	return locator.evaluate((element) => {
		const textarea = element as HTMLTextAreaElement;
		return textarea.value.slice(textarea.selectionStart, textarea.selectionEnd);
	});
}

/**
 * Fails when anything on the screen sticks out of its container sideways at `size`: the page
 * or a scrolling box that must be scrolled sideways (a table cut off), or an element wider than
 * the element holding it (a field out of its card). Code blocks may scroll; ellipses may clip.
 */
export async function expectFits(page: Page, size: { width: number; height: number }, label: string): Promise<void> {
	await page.setViewportSize(size);
	// Charts and other boxes that follow their container resize on the frames after the window's:
	// what still sticks out once the layout has settled is a fault.
	const measure = () => page.evaluate(() => {
		const name = (element: Element) => {
			const id = element.getAttribute('data-testid') ?? element.id;
			const classes = Array.from(element.classList).slice(0, 2).join('.');
			const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30);
			return `<${element.tagName.toLowerCase()}${id ? `#${id}` : ''}${classes ? `.${classes}` : ''}> “${text}”`;
		};
		const found: string[] = [];
		const page = document.scrollingElement ?? document.documentElement;
		if (page.scrollWidth > page.clientWidth + 1) found.push(`the window scrolls sideways by ${page.scrollWidth - page.clientWidth}px`);
		for (const element of Array.from(document.body.querySelectorAll('*'))) {
			const style = getComputedStyle(element);
			const box = element.getBoundingClientRect();
			if (style.display === 'none' || style.visibility === 'hidden' || box.width <= 1 || box.height <= 1) continue;
			if (element.closest('pre, textarea, [data-scrolls-sideways]')) continue;
			const clips = style.overflowX !== 'visible';
			if (clips && style.textOverflow !== 'ellipsis' && element.scrollWidth > element.clientWidth + 1)
				found.push(`${name(element)} needs ${element.scrollWidth - element.clientWidth}px more width`);
			const parent = element.parentElement;
			if (!parent || parent === document.body || parent === document.documentElement) continue;
			const parentStyle = getComputedStyle(parent);
			if (parentStyle.display === 'contents' || parentStyle.display === 'inline') continue;
			const outside = box.right - parent.getBoundingClientRect().right;
			if (outside > 1) found.push(`${name(element)} sticks out of ${name(parent)} by ${Math.round(outside)}px`);
		}
		return found.slice(0, 8);
	});
	await expect.poll(measure, { message: `${label} fits ${size.width}×${size.height}`, timeout: 5_000 }).toEqual([]);
}
