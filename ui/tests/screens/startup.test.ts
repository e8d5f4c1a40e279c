// Start-up time is reported to the shell once the first screen has been painted with its data
// (DESIGN.md §7), which the whole-app benchmark measures: not when the frame around it is.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openApp } from './harness';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

async function backendLog(page: import('playwright-core').Page): Promise<string[]> {
	return page.evaluate(() => (window as unknown as { __backend: { log: string[] } }).__backend.log);
}

describe('first screen painted', () => {
	it('is reported only after the route’s own list has arrived, not with the overview', async () => {
		// The overview answers at once; the teams list, the route's data, takes a while.
		const page = await openApp(browser, { scenario: 'example', slow: { list_teams: 600 } }, { path: '/teams' });
		await expect.poll(() => backendLog(page), { timeout: 5_000 }).toContain('→ first_screen_painted');
		const log = await backendLog(page);
		const listed = log.indexOf('← list_teams');
		expect(listed, 'the teams list was answered').toBeGreaterThanOrEqual(0);
		expect(log.indexOf('→ first_screen_painted'), `reported after the list arrived: ${log.join(', ')}`).toBeGreaterThan(
			listed
		);
		await expect(page.getByTestId('team-card').count()).resolves.toBe(1);
		await page.context().close();
	});

	it('is reported on the welcome screen, which reads nothing more', async () => {
		const page = await openApp(browser, { scenario: 'empty' });
		await expect.poll(() => backendLog(page), { timeout: 5_000 }).toContain('→ first_screen_painted');
		await page.context().close();
	});
});
