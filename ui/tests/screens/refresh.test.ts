// Views follow the `changed` event, whoever made the change (another window, the CLI's sync).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openApp, visible } from './harness';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

describe('changed event', () => {
	it('refreshes the open list and the sidebar counts when data changes elsewhere', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/teams' });
		await expect.poll(() => page.getByTestId('team-card').count()).toBe(1);
		// A write the page did not make: straight to the backend, which then emits `changed`.
		await page.evaluate(() =>
			(window as unknown as { __TAURI_INTERNALS__: { invoke: (c: string, a: unknown) => Promise<unknown> } })
				.__TAURI_INTERNALS__.invoke('create_team', { input: { name: 'Security', description: '' } })
		);
		await visible(page.getByRole('link', { name: 'Security' }));
		await expect(page.getByTestId('team-card').count()).resolves.toBe(2);
		await expect.poll(() => page.getByRole('link', { name: /^Teams/ }).textContent()).toContain('2');
		await page.context().close();
	});
});
