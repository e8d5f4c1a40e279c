// Exporting the review through the real commands: the review screen saves the quarter as one
// HTML file (the screen backend's save dialog answers with its exports folder), as Markdown and
// as CSV; the HTML file opens in Chromium on its own, loads nothing from outside, passes axe,
// and is printed to PDF (and, where pdftoppm is installed, to an image of its first page).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectHealthy, launch, openApp, visible } from './harness';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

const SHOTS = resolve(import.meta.dirname, '../../test-results');

async function exportAs(page: import('playwright-core').Page, format: string): Promise<string> {
	await page.getByTestId('report-format').selectOption(format);
	await page.getByTestId('report-save').click();
	const result = page.getByTestId('report-result');
	await expect.poll(() => result.textContent(), { timeout: 15_000 }).toMatch(/^Saved the review of/);
	const said = (await result.textContent()) ?? '';
	const path = /to (\/.*)\.$/.exec(said)?.[1];
	expect(path, said).toBeTruthy();
	return path!;
}

describe('the review exported', () => {
	it('saves HTML, Markdown and CSV, and the HTML stands alone, passes axe and prints', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/review' });
		await visible(page.getByRole('heading', { name: /^Review of \d{4} Q[1-4]$/ }));
		await page.getByTestId('review-quarter').fill('2026-Q3');
		await page.getByRole('button', { name: 'Show', exact: true }).click();
		await visible(page.getByRole('heading', { name: 'Review of 2026 Q3' }));

		const htmlPath = await exportAs(page, 'html');
		expect(htmlPath.endsWith('outward-review-2026-Q3.html')).toBe(true);
		const html = readFileSync(htmlPath, 'utf8');
		expect(html).toContain('Quarterly review: 2026 Q3');
		expect(html).toContain('Most developers are happy with CI');
		const md = readFileSync(await exportAs(page, 'md'), 'utf8');
		expect(md.startsWith('# Quarterly review: 2026 Q3')).toBe(true);
		const csv = readFileSync(await exportAs(page, 'csv'), 'utf8');
		expect(csv).toContain('CI satisfaction');
		await expectHealthy(page);
		await page.context().close();

		// The file on its own: every request it would make is refused and counted.
		const context = await browser.newContext();
		const reader = await context.newPage();
		const requested: string[] = [];
		await context.route('**/*', (route) => {
			requested.push(route.request().url());
			return route.abort();
		});
		await reader.setContent(html, { waitUntil: 'load' });
		expect(requested, 'the report loads nothing from outside').toEqual([]);
		await expect(reader.locator('svg[role="img"]').count()).resolves.toBeGreaterThan(0);
		await expectAccessible(reader, 'the HTML report');
		mkdirSync(SHOTS, { recursive: true });
		const pdf = resolve(SHOTS, 'review-report.pdf');
		await reader.pdf({ path: pdf, format: 'A4', printBackground: true });
		try {
			execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '2', pdf, resolve(SHOTS, 'review-report')]);
		} catch {
			// pdftoppm is optional here: the PDF itself is the printed report.
		}
		await context.close();
	});
});
