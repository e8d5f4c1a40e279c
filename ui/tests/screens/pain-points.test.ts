// Pain points: heaviest first, status with history, merging that moves the evidence, and the Trash.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHealthy, launch, openApp, screenshot, visible } from './harness';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

async function openPainPoint(page: Page, title: string) {
	await page.getByTestId('pain-point-row').filter({ hasText: title }).getByRole('link').first().click();
	await visible(page.getByRole('heading', { level: 1, name: title }));
}

describe('pain points', () => {
	it('lists the heaviest first with the weight and what it means', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/pain-points' });
		await expect.poll(() => page.getByTestId('pain-point-row').count()).toBe(5);
		const titles = await page.getByTestId('pain-point-row').getByRole('link').allTextContents();
		expect(titles[0]).toBe('CI queue is slow at peak times');
		await expect(page.getByText('Weight = severity × customers affected × evidence.').count()).resolves.toBe(1);
		await expect(page.getByTestId('pain-point-row').first().textContent()).resolves.toMatch(/\d+[.,]\d\s*weight/);

		await page.getByLabel('Severity').selectOption({ label: '4 · Critical' });
		await expect.poll(() => page.getByTestId('pain-point-row').count()).toBe(1);
		await expect(page.getByTestId('pager-summary').textContent()).resolves.toBe('Showing 1 of 1');
		await page.context().close();
	});

	it('merges one pain point into another after a confirmation, moving its quotes', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/pain-points' });
		await openPainPoint(page, 'No single current pipeline template');
		await page.getByRole('button', { name: 'Merge into…' }).click();
		const dialog = await visible(page.getByTestId('merge-dialog'));
		await dialog.getByRole('button', { name: 'Continue' }).click();
		await visible(dialog.getByText('Choose the one to keep.', { exact: true }).last());

		await dialog.getByLabel('Pain point to keep').fill('slow');
		await dialog.getByRole('option', { name: /CI queue is slow/ }).click();
		await expect((await visible(dialog.getByTestId('picker-chosen'))).textContent()).resolves.toContain('CI queue is slow');
		await dialog.getByRole('button', { name: 'Continue' }).click();
		await expect(dialog.textContent()).resolves.toContain('1 quote, products, customers and themes move');
		await screenshot(page, 'merge-confirm');
		await dialog.getByRole('button', { name: 'Merge' }).click();

		await visible(page.getByRole('heading', { level: 1, name: 'CI queue is slow at peak times' }));
		// Its two quotes and a survey comment, and now the merged one's quote.
		await expect.poll(() => page.getByTestId('evidence').count(), { message: 'the quote moved to the kept one' }).toBe(4);
		await visible(page.getByRole('heading', { name: 'Merged into this one' }));
		await page.getByRole('link', { name: /^Pain points/ }).click();
		await expect.poll(() => page.getByTestId('pain-point-row').count()).toBe(4);
		await expectHealthy(page);
		await page.context().close();
	});

	it('changes the status, saying who, and keeps the history', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/pain-points' });
		await openPainPoint(page, 'Rollback safety is unclear during canaries');
		await page.getByTestId('status-select').selectOption({ label: 'Planned' });
		await page.getByLabel('Changed by').selectOption({ label: 'Priya Raman' });
		await page.getByRole('button', { name: 'Update status' }).click();
		const history = page.getByTestId('status-history');
		await expect.poll(() => history.locator('li').first().textContent()).toContain('New → Planned');
		await expect(history.locator('li').first().textContent()).resolves.toContain('by Priya Raman');
		await expect(history.locator('li').last().textContent()).resolves.toContain('Filed as New');
		await page.context().close();
	});

	it('creates one by hand, and moves it to the Trash with an Undo', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/pain-points' });
		await page.getByRole('button', { name: 'New pain point' }).click();
		const dialog = await visible(page.getByRole('dialog', { name: 'New pain point' }));
		await dialog.getByRole('button', { name: 'Add pain point' }).click();
		await visible(dialog.getByTestId('error-title'));
		await dialog.getByLabel('Title').fill('Secrets rotation is manual');
		await dialog.getByRole('radio', { name: /Critical/ }).check();
		await dialog.getByLabel('Tags').fill('security');
		await dialog.getByLabel('Tags').press('Enter');
		await screenshot(page, 'pain-point-form');
		await dialog.getByRole('button', { name: 'Add pain point' }).click();
		await visible(page.getByRole('heading', { level: 1, name: 'Secrets rotation is manual' }));
		await expect(page.getByText('4 · Critical').count()).resolves.toBe(1);

		await page.getByRole('button', { name: 'Delete' }).click();
		await visible(page.getByRole('heading', { level: 1, name: 'Pain points' }));
		const toast = await visible(page.getByTestId('toast').filter({ hasText: 'Moved to Trash: Secrets rotation is manual' }));
		await toast.getByRole('button', { name: 'Undo' }).click();
		await visible(page.getByTestId('pain-point-row').filter({ hasText: 'Secrets rotation is manual' }));
		await page.context().close();
	});
});
