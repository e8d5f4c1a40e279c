// Deleting moves to the Trash, Undo brings it back, and emptying asks first.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHealthy, launch, openApp, screenshot, sidebarEntryInView, underToasts, visible } from './harness';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

describe('trash', () => {
	it('moves a product to the Trash with an Undo that restores it', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/products' });
		await visible(page.getByTestId('product-row').filter({ hasText: 'Legacy VM images' }));
		await page.getByRole('button', { name: 'Delete Legacy VM images' }).click();

		const toast = await visible(page.getByTestId('toast').filter({ hasText: 'Moved to Trash' }));
		await expect.poll(() => page.getByTestId('product-row').filter({ hasText: 'Legacy VM images' }).count()).toBe(0);
		await expect((await visible(page.getByTestId('trash-count'))).textContent()).resolves.toBe('1');
		await screenshot(page, 'toast-undo');
		// The app's window is 1280×800: there the sidebar's list scrolls, and the Trash entry, the
		// place to look for what was deleted, sits at the bottom of its scrolled list.
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.locator('nav[aria-label="Main"] a[href="/trash"]').evaluate((link) => link.scrollIntoView({ block: 'nearest' }));
		await expect(sidebarEntryInView(page, '/trash'), 'the Trash entry is among those in view').resolves.toBe(true);
		await expect(
			underToasts(page, 'nav[aria-label="Main"] a'),
			'the toast leaves every sidebar entry in view, the Trash above all, to be clicked'
		).resolves.toEqual([]);
		// In the shortest window the app allows, scrolled to the end of the list, the toast leaves
		// the last row's actions clear: the content ends with room for it.
		await page.setViewportSize({ width: 1280, height: 600 });
		await page.evaluate(() => {
			for (const scroller of [document.scrollingElement!, ...document.querySelectorAll('main *')]) scroller.scrollTop = scroller.scrollHeight;
		});
		await expect(underToasts(page, 'main button, main a'), 'no control of the screen is under the toast').resolves.toEqual([]);

		await toast.getByRole('button', { name: 'Undo' }).click();
		await visible(page.getByTestId('product-row').filter({ hasText: 'Legacy VM images' }));
		await page.getByTestId('trash-count').waitFor({ state: 'detached' });
		await expectHealthy(page);
		await page.context().close();
	});

	it('refuses to trash a team that still has people, and says why', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/teams' });
		await page.getByRole('button', { name: 'Delete Developer Platform' }).click();
		const toast = await visible(page.getByTestId('toast').filter({ hasText: 'still has' }));
		await expect(toast.textContent()).resolves.toContain('6 people, 4 products and 1 workshop');
		await expect(page.getByTestId('team-card').count()).resolves.toBe(1);
		await page.context().close();
	});

	it('restores from the Trash screen and empties it after a confirmation naming the count', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/customers' });
		await page.getByRole('button', { name: 'Delete Search & Discovery' }).click();
		await visible(page.getByTestId('toast').filter({ hasText: 'Moved to Trash: Search & Discovery' }));
		await page.getByRole('button', { name: 'Delete Mobile Apps' }).click();
		await visible(page.getByTestId('toast').filter({ hasText: 'Moved to Trash: Mobile Apps' }));

		await page.getByRole('link', { name: /^Trash/ }).click();
		await visible(page.getByRole('heading', { level: 1, name: 'Trash' }));
		await expect.poll(() => page.getByTestId('trash-row').count()).toBe(2);
		await screenshot(page, 'trash');

		await page.getByRole('button', { name: 'Restore Search & Discovery' }).click();
		await expect.poll(() => page.getByTestId('trash-row').count()).toBe(1);

		await page.getByRole('button', { name: 'Empty trash' }).click();
		const confirm = await visible(page.getByRole('alertdialog'));
		await expect(confirm.textContent()).resolves.toContain('1 customer will be destroyed permanently');
		await screenshot(page, 'trash-confirm');
		await confirm.getByRole('button', { name: 'Cancel' }).click();
		await confirm.waitFor({ state: 'detached' });
		await expect(page.getByTestId('trash-row').count(), 'Cancel keeps everything').resolves.toBe(1);

		await page.getByRole('button', { name: 'Empty trash' }).click();
		await page.getByRole('alertdialog').getByRole('button', { name: 'Destroy 1 item' }).click();
		await visible(page.getByText('The Trash is empty'));
		await visible(page.getByTestId('toast').filter({ hasText: '1 item destroyed' }));
		await expectHealthy(page);
		await page.context().close();
	});
});
