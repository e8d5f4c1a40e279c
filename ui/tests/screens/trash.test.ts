// Deleting moves to the Trash, Undo brings it back, and emptying asks first.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHealthy, launch, openApp, screenshot, visible } from './harness';

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
		const { checked, covered } = await page.evaluate(() => {
			document.querySelector('nav[aria-label="Main"] a[href="/trash"]')!.scrollIntoView({ block: 'nearest' });
			const entries = [...document.querySelectorAll('nav[aria-label="Main"] a')].flatMap((link) => {
				const box = link.getBoundingClientRect();
				const list = (link.closest('.nav-lists') ?? link.closest('nav'))!.getBoundingClientRect();
				const middle = box.top + box.height / 2;
				if (middle < list.top || middle > list.bottom) return []; // scrolled out of view
				const hit = document.elementFromPoint(box.left + box.width / 2, middle);
				return [{ name: link.getAttribute('href'), covered: !link.contains(hit) }];
			});
			return { checked: entries.map((e) => e.name), covered: entries.filter((e) => e.covered).map((e) => e.name) };
		});
		expect(checked, 'the Trash entry is among those in view').toContain('/trash');
		expect(covered, 'the toast leaves every sidebar entry in view, the Trash above all, to be clicked').toEqual([]);
		// In the shortest window the app allows, scrolled to the end of the list, the toast leaves
		// the last row's actions clear: the content ends with room for it.
		await page.setViewportSize({ width: 1280, height: 600 });
		const underToast = await page.evaluate(() => {
			const scroller = document.scrollingElement!;
			scroller.scrollTop = scroller.scrollHeight;
			for (const element of document.querySelectorAll('main *')) if (element.scrollHeight > element.clientHeight + 1) element.scrollTop = element.scrollHeight;
			return [...document.querySelectorAll('main button, main a')].flatMap((control) => {
				const box = control.getBoundingClientRect();
				if (box.width === 0 || box.bottom < 0 || box.top > window.innerHeight) return [];
				const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
				return hit && !control.contains(hit) && hit.closest('.toasts') ? [control.getAttribute('aria-label') ?? control.textContent!.trim()] : [];
			});
		});
		expect(underToast, 'no control of the screen is under the toast').toEqual([]);

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
