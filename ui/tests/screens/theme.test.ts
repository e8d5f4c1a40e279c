// Themes: follow the system by default; a choice in Settings sticks across restarts.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openApp, visible } from './harness';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

describe('theme', () => {
	it('follows the system colour scheme until one is chosen', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { colorScheme: 'dark', path: '/settings' });
		await expect(theme(page)).resolves.toBe('dark');
		await page.emulateMedia({ colorScheme: 'light' });
		await expect.poll(() => theme(page)).toBe('light');
		await page.context().close();
	});

	it('switches in Settings, repaints, and keeps the choice after a restart', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { colorScheme: 'light', path: '/settings' });
		const light = await background(page);
		await (await visible(page.getByRole('radio', { name: /Dark/ }))).check();
		await expect(theme(page)).resolves.toBe('dark');
		await expect(background(page), 'the page actually repaints').resolves.not.toBe(light);
		await expect(page.evaluate(() => localStorage.getItem('outward.theme'))).resolves.toBe('dark');

		await page.reload();
		await visible(page.getByRole('heading', { level: 1, name: 'Settings' }));
		await expect(theme(page)).resolves.toBe('dark');
		await expect(page.getByRole('radio', { name: /Dark/ }).isChecked()).resolves.toBe(true);

		await page.getByRole('radio', { name: /System/ }).check();
		await expect(theme(page), 'back to following the (light) system').resolves.toBe('light');
		await page.context().close();
	});
});
