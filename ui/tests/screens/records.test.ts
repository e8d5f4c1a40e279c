// The listening loop's record pages: a customer team's page, a theme's page, the inbox of
// conversations with nothing marked yet, and "me", over the example workspace.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend, expectHealthy, launch, openApp, visible } from './harness';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

const heading = (page: Page, name: string | RegExp) => visible(page.getByRole('heading', { level: 1, name }));

async function openCustomer(page: Page, name: string): Promise<void> {
	await page.getByTestId('customer-card').filter({ hasText: name }).getByRole('link', { name, exact: true }).click();
	await heading(page, name);
}

describe('a customer team’s page', () => {
	it('shows when and by whom it was last heard from, its pain points heaviest first, its quotes and conversations', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/customers' });
		await openCustomer(page, 'Payments');
		const lastHeard = page.getByTestId('last-heard');
		await expect(lastHeard.textContent()).resolves.toMatch(/interview by Aiko Tanaka, Priya Raman/);
		await expect(lastHeard.getByTestId('unheard-flag').count(), 'heard from nine days ago').resolves.toBe(0);
		await expect(page.getByRole('region', { name: 'At a glance' }).textContent()).resolves.toContain('Build & CI');

		const pains = page.getByRole('region', { name: 'Pain points, heaviest first' });
		await expect
			.poll(() => pains.getByTestId('pain-point-row').getByRole('link').first().allTextContents())
			.toEqual(['CI queue is slow at peak times']);
		await expect(pains.getByTestId('pain-point-row').allTextContents()).resolves.toEqual([
			expect.stringContaining('CI queue is slow at peak times'),
			expect.stringContaining('No single current pipeline template')
		]);
		const quotes = page.getByRole('region', { name: 'What they said' });
		await expect(quotes.locator('blockquote').allTextContents()).resolves.toEqual(
			expect.arrayContaining(['The CI queue takes 40 minutes on Monday mornings', 'nobody knows which template is current'])
		);
		const conversations = page.getByRole('region', { name: 'Conversations' });
		await expect(conversations.getByTestId('interview-row').allTextContents()).resolves.toEqual([
			expect.stringContaining('Payments — quarterly check-in')
		]);

		// A quote leads back to its place in the notes.
		await quotes.getByRole('link', { name: /Show this quote in the interview/ }).first().click();
		await heading(page, /Payments/);
		await expect.poll(() => page.url()).toMatch(/\/interviews\/[^/]+\?at=\d+-\d+$/);
		await expectHealthy(page);
		await page.context().close();
	});

	it('says when a team was never heard from, teaches what to do, and logs a conversation with it', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/customers' });
		await openCustomer(page, 'Mobile Apps');
		await expect(page.getByTestId('last-heard').textContent()).resolves.toMatch(/Never.*Time to talk again/s);
		await visible(page.getByText('Nobody has talked with Mobile Apps yet.'));
		await visible(page.getByText('No quotes yet. Open an interview and mark the sentences that show pain.'));

		await page.getByTestId('log-conversation').click();
		await heading(page, 'Log an interview');
		await expect(page.getByRole('combobox', { name: 'Customer' }).inputValue()).resolves.toBe('Mobile Apps');
		await expectHealthy(page);
		await page.context().close();
	});

	it('opens from an interview’s breadcrumb and from Coverage', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/interviews' });
		await page.getByTestId('interview-row').filter({ hasText: 'Checkout' }).getByTestId('customer-link').click();
		await heading(page, 'Checkout');
		await page.getByTestId('interview-row').getByRole('link').first().click();
		await page.getByTestId('interview-customer').click();
		await heading(page, 'Checkout');

		await page.getByRole('link', { name: /^Coverage/ }).click();
		await page.getByTestId('coverage-row').filter({ hasText: 'Risk & Fraud' }).getByRole('link', { name: 'Risk & Fraud', exact: true }).click();
		await heading(page, 'Risk & Fraud');
		await expect(page.getByTestId('last-heard').textContent()).resolves.toMatch(/office hours by Maya Okafor/);
		await expectHealthy(page);
		await page.context().close();
	});
});

describe('a theme’s page', () => {
	it('gathers its pain points heaviest first and its conversations, and leads to each', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/themes' });
		await page.getByTestId('theme-card').getByRole('heading', { name: 'ci', exact: true }).getByRole('link').click();
		await heading(page, 'ci');
		await expect(page.getByText('2 pain points and 2 interviews share this theme.').count()).resolves.toBe(1);
		const pains = page.getByRole('region', { name: 'Pain points, heaviest first' }).getByTestId('pain-point-row');
		await expect(pains.allTextContents()).resolves.toEqual([
			expect.stringContaining('CI queue is slow at peak times'),
			expect.stringContaining('No single current pipeline template')
		]);
		const talks = page.getByRole('region', { name: 'Conversations' }).getByTestId('interview-row');
		await expect(talks.allTextContents()).resolves.toEqual([
			expect.stringContaining('Payments — quarterly check-in'),
			expect.stringContaining('Data Platform — shadowing a migration day')
		]);
		await pains.first().getByRole('link', { name: 'CI queue is slow at peak times' }).click();
		await heading(page, 'CI queue is slow at peak times');
		await expectHealthy(page);
		await page.context().close();
	});
});

describe('the inbox', () => {
	it('lists conversations with nothing marked yet, and one leaves it once a quote is marked', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/inbox' });
		await visible(page.getByText('Nothing waiting'));
		const customers = await backend<{ id: string; name: string }[]>(page, 'list_customers');
		const search = customers.find((c) => c.name === 'Search & Discovery')!;
		const notes = '# Search — relevance tuning\n\nReindexing blocks every deploy for an hour.';
		const created = await backend<{ id: string }>(page, 'create_interview', {
			input: { customerId: search.id, heldOn: '2026-01-05', kind: 'interview', interviewees: 'Ines', interviewerIds: [], durationMinutes: null, tags: [], notes }
		});
		const rows = page.getByTestId('interview-row');
		await expect.poll(() => rows.allTextContents()).toEqual([expect.stringContaining('Search — relevance tuning')]);
		await expect
			.poll(() => page.getByRole('link', { name: /^Inbox/ }).textContent(), { message: 'the sidebar counts it' })
			.toMatch(/1$/);

		const pains = await backend<{ items: { id: string; title: string }[] }>(page, 'list_pain_points', {
			filter: { status: null, productId: null, customerId: null, themeId: null, severity: null },
			page: { offset: 0, limit: 10 }
		});
		const start = notes.indexOf('Reindexing');
		await backend(page, 'mark_evidence', { interviewId: created.id, start, end: notes.length, painPointId: pains.items[0]!.id });
		await visible(page.getByText('Nothing waiting'));
		await expectHealthy(page);
		await page.context().close();
	});
});

describe('me', () => {
	it('is chosen once in Settings, and a status change names nobody then records me', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/home' });
		// Asked on the screen the workspace opens on while nobody is chosen.
		const asking = await visible(page.getByTestId('who-are-you'));
		await page.getByRole('link', { name: /^Settings/ }).click();
		const you = page.getByRole('region', { name: 'You', exact: true });
		await you.getByLabel('I am').selectOption({ label: 'Priya Raman' });
		await you.getByRole('button', { name: 'Save' }).click();
		await visible(page.getByTestId('toast').filter({ hasText: 'Hello, Priya Raman.' }));
		await expect.poll(() => you.textContent()).toContain('recorded as Priya Raman');

		await page.getByRole('link', { name: /^Teams/ }).click();
		await heading(page, 'Teams');
		await expect(asking.count(), 'not asked again').resolves.toBe(0);

		await page.getByRole('link', { name: /^Pain points/ }).click();
		await page.getByTestId('pain-point-row').getByRole('link', { name: 'Rollback safety is unclear during canaries' }).click();
		await heading(page, 'Rollback safety is unclear during canaries');
		await expect(page.getByLabel('Changed by').locator('option').first().textContent()).resolves.toBe('Me (Priya Raman)');
		await page.getByTestId('status-select').selectOption({ label: 'Accepted' });
		await page.getByRole('button', { name: 'Update status' }).click();
		await expect
			.poll(() => page.getByTestId('status-history').locator('li').first().textContent())
			.toMatch(/New → Accepted\s*by Priya Raman/);
		await expectHealthy(page);
		await page.context().close();
	});
});

describe('a long name', () => {
	it('wraps inside its card instead of running past its edge', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/teams' });
		const name = `<img src=x onerror="window.__pwned='team'">${'-platform'.repeat(6)}`;
		await backend(page, 'create_team', { input: { name, description: '' } });
		const title = await visible(page.getByRole('heading', { level: 2, name }));
		const overflow = await title.evaluate((heading) => {
			const text = document.createRange();
			text.selectNodeContents(heading);
			return text.getBoundingClientRect().right - heading.getBoundingClientRect().right;
		});
		expect(overflow, 'the text ends inside its card').toBeLessThanOrEqual(0);
		await expectHealthy(page);
		await page.context().close();
	});
});
