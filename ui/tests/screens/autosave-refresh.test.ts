// What one autosave pause costs: the notes are saved, and nothing the editor already shows is
// fetched again. The core announces only the interview it saved (crates/outward-core/tests/
// changes.rs); the editor expects that echo of its own write.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls, expectHealthy, launch, openApp, writeNotes } from './harness';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

describe('autosave', () => {
	it('saves the notes after a pause and refetches neither the interview nor unrelated lists', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/interviews' });
		await page.getByTestId('interview-row').first().getByRole('link').first().click();
		const notes = await writeNotes(page);
		await expect.poll(() => notes.inputValue()).not.toBe('');
		// Every read of the page has answered.
		await page.waitForTimeout(300);
		const before = (await calls(page)).length;

		await notes.press('End');
		await notes.pressSequentially(' One more line.');
		await expect.poll(async () => (await calls(page)).some((c) => c.command === 'save_interview_notes')).toBe(true);
		// Long enough for the `changed` event and any refetch it would cause.
		await page.waitForTimeout(500);
		const made = (await calls(page)).slice(before).map((c) => c.command);
		console.log(`IPC calls per autosave pause: ${made.length} (${made.join(', ')})`);
		expect(made, 'one save, and no refetch of what the editor shows').toEqual(['save_interview_notes']);
		await expectHealthy(page);
		await page.context().close();
	});
});
