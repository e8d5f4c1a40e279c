// When the database cannot be opened, the window explains it instead of staying blank.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHealthy, launch, openApp, screenshot, visible } from './harness';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

const failure = {
	databasePath: '/home/ada/.local/share/io.outward.desktop/outward.db',
	reason: 'cannot open the database at /home/ada/.local/share/io.outward.desktop/outward.db: file is not a database'
};

describe('startup failure', () => {
	it('shows the path, the reason, the latest backup and what to do', async () => {
		const backup = '/home/ada/.local/share/io.outward.desktop/backups/outward-2025-03-09T18-00-00Z.db';
		const page = await openApp(browser, { scenario: 'failure', failure: { ...failure, latestBackup: backup } });
		await visible(page.getByTestId('startup-failure'));
		await expect(page.getByTestId('failure-path').textContent()).resolves.toBe(failure.databasePath);
		await expect(page.getByTestId('failure-reason').textContent()).resolves.toContain('file is not a database');
		await expect(page.getByTestId('failure-backup').textContent()).resolves.toContain(backup);
		await expect(page.getByRole('heading', { name: 'What to do' }).count()).resolves.toBe(1);
		await expect(page.getByRole('navigation').count(), 'no app behind it').resolves.toBe(0);
		await screenshot(page, 'startup-failure');
		await expectHealthy(page);
		await page.context().close();
	});

	it('says plainly when there is no backup', async () => {
		const page = await openApp(browser, { scenario: 'failure', failure: { ...failure, latestBackup: null } });
		await expect((await visible(page.getByTestId('failure-backup'))).textContent()).resolves.toContain(
			'There is no backup'
		);
		await page.context().close();
	});

	it('explains an unreachable backend instead of a blank window', async () => {
		const page = await openApp(browser, { scenario: 'unreachable' });
		await visible(page.getByTestId('unreachable'));
		await expect(page.getByRole('button', { name: 'Try again' }).count()).resolves.toBe(1);
		await page.context().close();
	});
});
