// The command palette: Ctrl+K, type, Enter — no mouse needed.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHealthy, launch, openApp, pressPaletteShortcut, screenshot, sidebarEntryInView, visible } from './harness';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

describe('command palette', () => {
	it('opens with Ctrl+K and navigates to the chosen screen', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/teams' });
		await pressPaletteShortcut(page);
		const palette = await visible(page.getByTestId('command-palette'));
		const input = palette.getByRole('combobox', { name: 'Command' }).or(palette.getByLabel('Command'));
		await expect(input.evaluate((el) => el === document.activeElement), 'typing goes to the palette').resolves.toBe(true);
		await page.keyboard.type('cust');
		await screenshot(page, 'palette');
		await page.keyboard.press('Enter');
		await visible(page.getByRole('heading', { level: 1, name: 'Customers' }));
		await palette.waitFor({ state: 'detached' });
		expect(new URL(page.url()).pathname).toBe('/customers');
		await expectHealthy(page);
		await page.context().close();
	});

	it('scrolls the sidebar to the entry of a screen it opens, after a start on Home', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/home' });
		await page.setViewportSize({ width: 1280, height: 800 });
		await visible(page.getByTestId('home-goals'));
		const trashInView = () => sidebarEntryInView(page, '/trash');
		await expect(trashInView(), 'at 1280 × 800 the Trash entry starts out of view').resolves.toBe(false);
		await pressPaletteShortcut(page);
		await visible(page.getByTestId('command-palette'));
		await page.keyboard.type('trash');
		await page.keyboard.press('Enter');
		await visible(page.getByRole('heading', { level: 1, name: 'Trash' }));
		await expect.poll(trashInView, { message: 'its entry is scrolled into view' }).toBe(true);
		await page.context().close();
	});

	it('keeps what is typed right after Ctrl+K while its code is still loading', async () => {
		// Home loads one file of the script's chunks; the palette's comes later, held back here.
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		let chunks = 0;
		const page = await openApp(
			browser,
			{ scenario: 'example' },
			{
				path: '/home',
				beforeLoad: async (context) => {
					await context.route(/\/_app\/immutable\/chunks\//, async (route) => {
						if (++chunks > 1) await held;
						await route.continue();
					});
				}
			}
		);
		await pressPaletteShortcut(page);
		await page.keyboard.type('canariez');
		await page.keyboard.press('Backspace');
		await page.keyboard.type('s');
		release();
		const palette = await visible(page.getByTestId('command-palette'));
		await expect.poll(() => palette.getByLabel('Command').inputValue()).toBe('canaries');
		await visible(palette.getByTestId('search-hit').filter({ hasText: 'Rollback safety is unclear' }));
		await expectHealthy(page);
		await page.context().close();
	});

	it('starts a create action with the arrow keys and closes with Escape', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/teams' });
		await pressPaletteShortcut(page);
		await visible(page.getByTestId('command-palette'));
		await page.keyboard.type('new p');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Enter');
		await visible(page.getByRole('dialog', { name: 'New product' }));
		expect(new URL(page.url()).pathname).toBe('/products');
		await page.keyboard.press('Escape');
		await page.getByRole('dialog', { name: 'New product' }).waitFor({ state: 'detached' });

		await pressPaletteShortcut(page);
		await visible(page.getByTestId('command-palette'));
		await page.keyboard.press('Escape');
		await page.getByTestId('command-palette').waitFor({ state: 'detached' });
		await page.context().close();
	});

	it('offers the example only in an empty workspace, and loads it', async () => {
		const page = await openApp(browser, { scenario: 'empty' });
		await pressPaletteShortcut(page);
		const palette = await visible(page.getByTestId('command-palette'));
		await expect(palette.textContent()).resolves.not.toContain('New person');
		await page.keyboard.type('example');
		await page.keyboard.press('Enter');
		await visible(page.getByRole('heading', { level: 1, name: 'Home' }));
		await page.getByRole('link', { name: /^Teams/ }).click();
		await expect.poll(() => page.getByTestId('team-card').count()).toBe(1);

		await pressPaletteShortcut(page);
		await page.keyboard.type('example');
		// With data, two typed characters also search; neither offers the example again.
		await visible(page.getByText(/(No command|Nothing) matches “example”/));
		await expect(page.getByTestId('command-palette').textContent()).resolves.not.toContain('Load example workspace');
		await page.context().close();
	});

	it('starts creating the first team from the welcome screen', async () => {
		const page = await openApp(browser, { scenario: 'empty' });
		await pressPaletteShortcut(page);
		await visible(page.getByTestId('command-palette'));
		await page.keyboard.type('new team');
		await page.keyboard.press('Enter');
		const name = await visible(page.getByLabel('Team name'));
		await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);
		await page.context().close();
	});
});
