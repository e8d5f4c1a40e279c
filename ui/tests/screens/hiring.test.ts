// The hiring kit through the real commands over the example workspace: the guide built with
// the keyboard (add from the bank, move, remove), a built-in question reworded and restored,
// the bank filtered by topic, the guide exported as printable HTML and Markdown, axe in light
// and dark, and the screen fitting 1280×800 with the guide starting in its top third.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend, expectAccessible, expectFits, expectHealthy, launch, openApp, screenshot, visible } from './harness';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

const order = (page: Page) =>
	page.getByTestId('guide-item').evaluateAll((items) =>
		items.map((item) => (item.querySelector('.guide-question')?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(3, 30))
	);

async function exportAs(page: Page, format: string): Promise<string> {
	await page.getByTestId('guide-format').selectOption(format);
	await page.getByTestId('guide-export').click();
	const result = page.getByTestId('guide-result');
	await expect.poll(() => result.textContent(), { timeout: 15_000 }).toMatch(/^Saved the guide to/);
	const path = /to (\/.*)\.$/.exec((await result.textContent()) ?? '')?.[1];
	expect(path).toBeTruthy();
	return path!;
}

describe('hiring', () => {
	it('builds the guide with the keyboard and exports it as printable HTML and Markdown', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/hiring' });
		const items = page.getByTestId('guide-item');
		await visible(items.first());
		await expect.poll(() => items.count()).toBe(6);
		await expect(page.getByTestId('guide-privacy').textContent()).resolves.toContain('never anything about a candidate');
		const before = await order(page);

		// Move the first question down with its button, then back up with Alt+↑.
		await items.nth(0).getByRole('button', { name: 'Move question 1 down' }).focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => order(page)).toEqual([before[1], before[0], ...before.slice(2)]);
		await expect
			.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent))
			.toBeTruthy();
		await items.nth(1).getByLabel('Minutes').focus();
		await page.keyboard.press('Alt+ArrowUp');
		await expect.poll(() => order(page)).toEqual(before);

		// Remove the last one, then add a question from the bank with the keyboard.
		await items.nth(5).getByRole('button', { name: 'Remove question 6' }).focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => items.count()).toBe(5);
		const bank = page.getByTestId('bank-question');
		await page.getByTestId('bank-topic').selectOption('usability');
		await expect.poll(() => bank.count()).toBe(3);
		const adding = bank.filter({ hasText: 'error message' });
		await adding.getByTestId('bank-add').focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => items.count()).toBe(6);
		await expect(items.nth(5).textContent()).resolves.toContain('error message');
		await expect(adding.getByTestId('bank-add').textContent()).resolves.toContain('In the guide');

		// Reword a built-in, see it in the guide, restore the original.
		await adding.getByTestId('bank-edit').click();
		const dialog = await visible(page.getByRole('dialog', { name: 'Edit question' }));
		await dialog.getByTestId('question-text').fill('');
		await dialog.getByRole('button', { name: 'Save question' }).click();
		await visible(dialog.getByTestId('error-text'));
		await dialog.getByTestId('question-text').fill('Rewrite the worst error message our CLI prints.');
		await dialog.getByRole('button', { name: 'Save question' }).click();
		await expect.poll(() => items.nth(5).textContent()).toContain('worst error message our CLI');
		await bank.filter({ hasText: 'worst error message' }).getByTestId('bank-restore').click();
		await expect.poll(() => items.nth(5).textContent()).not.toContain('worst error message our CLI');

		const htmlPath = await exportAs(page, 'html');
		expect(htmlPath.endsWith('interview-guide-platform-engineer-loop.html')).toBe(true);
		const html = readFileSync(htmlPath, 'utf8');
		expect(html).toContain('@media print');
		expect(html).toContain('Outward stores nothing about candidates');
		const md = readFileSync(await exportAs(page, 'md'), 'utf8');
		expect(md.startsWith('# Interview guide: Platform engineer loop')).toBe(true);
		await expectHealthy(page);
		await page.context().close();

		const context = await browser.newContext();
		const reader = await context.newPage();
		const requested: string[] = [];
		await context.route('**/*', (route) => {
			requested.push(route.request().url());
			return route.abort();
		});
		await reader.setContent(html, { waitUntil: 'load' });
		expect(requested, 'the guide loads nothing from outside').toEqual([]);
		await expectAccessible(reader, 'the printable guide');
		await context.close();
	});

	it('passes axe in light and dark and fits 1280×800', async () => {
		for (const colorScheme of ['light', 'dark'] as const) {
			const page = await openApp(browser, { scenario: 'example' }, { path: '/hiring', colorScheme });
			await visible(page.getByTestId('guide-item'));
			await page.getByTestId('bank-question').first().locator('summary').click();
			await expectAccessible(page, `the hiring screen (${colorScheme})`);
			await expectFits(page, { width: 1280, height: 800 }, `the hiring screen (${colorScheme})`);
			await page.evaluate(() => window.scrollTo(0, 0));
			const guideTop = (await page.getByTestId('guide-builder').boundingBox())?.y ?? Infinity;
			expect(guideTop, 'the header is compact: the guide starts in the top third of a laptop’s window').toBeLessThan(800 / 3);
			await screenshot(page, `hiring-${colorScheme}`);
			await page.context().close();
		}
	});

	it('teaches what a guide is when there is none', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/hiring' });
		await visible(page.getByTestId('guide-item'));
		for (const guide of await backend<{ id: string }[]>(page, 'list_interview_guides')) {
			await backend(page, 'move_to_trash', { kind: 'interviewGuide', id: guide.id });
		}
		await visible(page.getByText('No interview guide yet'));
		await expect.poll(() => page.getByTestId('bank-question').count()).toBeGreaterThan(14);
		await page.getByRole('button', { name: 'Start a guide' }).click();
		await visible(page.getByTestId('guide-builder'));
		await expect(page.getByTestId('guide-export').isDisabled()).resolves.toBe(true);
		await expectHealthy(page);
		await page.context().close();
	});
});
