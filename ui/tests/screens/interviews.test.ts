// Interviews: log one, mark evidence without leaving it, jump back from the pain point, and
// never lose typed notes.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	backend,
	crashAndReopen,
	expectHealthy,
	failNext,
	launch,
	openApp,
	screenshot,
	notesSelection,
	selectInPreview,
	selectInTextarea,
	writeNotes,
	visible
} from './harness';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

const SENTENCE = 'The deploy queue makes us wait an hour every Friday.';

type Stored = { notes: string; highlights: { quote: string; start: number; end: number }[] };

/** The interview open in `page`, as the backend stores it. */
async function storedInterview(page: Page): Promise<Stored> {
	const id = new URL(page.url()).pathname.split('/').pop();
	return backend<Stored>(page, 'get_interview', { id });
}

describe('interviews', () => {
	it('titles an opened interview as its row in the list does', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/interviews' });
		const link = (await visible(page.getByTestId('interview-row'))).locator('.row-title > a');
		const title = (await link.first().textContent())?.trim() ?? '';
		expect(title).not.toBe('');
		await link.first().click();
		await visible(page.getByRole('heading', { level: 1, name: title, exact: true }));
		await expectHealthy(page);
		await page.close();
	});

	it('logs an interview, marks a sentence as a new pain point, and jumps back to it from the pain point', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/interviews' });
		await page.getByRole('link', { name: 'Log interview' }).click();
		await visible(page.getByRole('heading', { level: 1, name: 'Log an interview' }));

		const customer = page.getByRole('combobox', { name: 'Customer' });
		await customer.click();
		await page.keyboard.type('pay');
		await page.getByRole('option', { name: /Payments/ }).click();
		await page.getByLabel('Who you spoke to').fill('Sofia Costa (EM)');
		await page.getByRole('checkbox', { name: /Jonas Lindqvist/ }).check();
		const notes = page.getByTestId('notes');
		await notes.fill(`Quick chat after the incident.\n${SENTENCE}\nThey like the new dashboards.`);

		const range = await selectInTextarea(notes, SENTENCE);
		await page.keyboard.press('Control+e');
		const dialog = await visible(page.getByRole('dialog', { name: 'Mark as evidence' }));
		await expect.poll(() => new URL(page.url()).pathname, { message: 'marking saved the interview first' }).toMatch(/^\/interviews\/[0-9a-f-]{36}$/);
		await expect(dialog.getByTestId('mark-quote').textContent()).resolves.toBe(SENTENCE);

		await dialog.getByRole('tab', { name: 'New pain point' }).click();
		await expect(dialog.getByLabel('Title').inputValue(), 'the title comes from the passage').resolves.toBe(SENTENCE);
		await dialog.getByLabel('Title').fill('Waiting for the deploy queue');
		await dialog.getByRole('radio', { name: /Blocks work/ }).check();
		await screenshot(page, 'mark-evidence-new');
		await dialog.getByRole('button', { name: 'Create pain point and link' }).click();
		await dialog.waitFor({ state: 'detached' });

		const highlight = await visible(page.getByTestId('highlight'));
		await expect(highlight.textContent()).resolves.toContain(SENTENCE);
		const interviewPath = new URL(page.url()).pathname;
		const stored = (await storedInterview(page)).highlights.find((h) => h.quote === SENTENCE);
		expect(stored, 'the highlight holds the UTF-16 range of the selection').toMatchObject(range);

		await highlight.getByRole('link', { name: 'Waiting for the deploy queue' }).click();
		await visible(page.getByRole('heading', { level: 1, name: 'Waiting for the deploy queue' }));
		const evidence = await visible(page.getByTestId('evidence'));
		await expect(evidence.textContent()).resolves.toContain(SENTENCE);
		await screenshot(page, 'pain-point-evidence');

		await evidence.getByRole('link', { name: /Show this quote/ }).click();
		await expect.poll(() => page.url()).toContain(`${interviewPath}?at=${range.start}-${range.end}`);
		await visible(page.getByTestId('notes-preview'));
		await expect.poll(() => notesSelection(page), { message: 'the passage is selected again, in the rendered notes' }).toBe(SENTENCE);
		await expectHealthy(page);
		await page.context().close();
	});

	it('links a sentence typed a moment ago to an existing pain point, from the keyboard', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/interviews' });
		await page.getByTestId('interview-row').filter({ hasText: 'Risk & Fraud' }).getByRole('link').first().click();
		const notes = await writeNotes(page);
		const sentence = 'Their nightly fraud jobs wait for the CI queue as well.';
		await failNext(page, 'save_interview_notes', { kind: 'internal', message: 'The disk is full.' });
		await notes.fill(`Diego showed the release checklist.\n${sentence}`);
		// Marked before the autosave pause is over: the notes must reach the backend first, and
		// while they cannot, nothing is marked against notes the backend does not have.
		await selectInTextarea(notes, sentence);
		await page.keyboard.press('Control+e');
		await visible(page.getByTestId('toast').filter({ hasText: 'Save the notes before marking evidence' }));
		await expect(page.getByRole('dialog').count()).resolves.toBe(0);
		await page.keyboard.press('Control+e');
		const dialog = await visible(page.getByRole('dialog', { name: 'Mark as evidence' }));
		await dialog.getByLabel('Find a pain point').fill('slow');
		await visible(dialog.getByRole('option', { name: /CI queue is slow/ }));
		await page.keyboard.press('Enter');
		await visible(dialog.getByTestId('picker-chosen'));
		await page.keyboard.press('Enter');
		await dialog.waitFor({ state: 'detached' });
		await expect.poll(() => page.getByTestId('highlight').allTextContents()).toContainEqual(expect.stringContaining(sentence));
		const stored = (await storedInterview(page)).highlights.find((h) => h.quote === sentence);
		expect(stored, 'the highlight quotes exactly the selected sentence').toBeDefined();
		await page.context().close();
	});

	it('takes its notes’ heading as its title as soon as the notes are saved', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/interviews/new' });
		const customer = page.getByRole('combobox', { name: 'Customer' });
		await customer.click();
		await page.keyboard.type('pay');
		await page.getByRole('option', { name: /Payments/ }).click();
		const notes = page.getByTestId('notes');
		await notes.fill('# Release day with Payments\nThey batch releases to dodge the queue.');
		await page.getByRole('button', { name: 'Save interview' }).click();
		await visible(page.getByRole('heading', { level: 1, name: 'Release day with Payments', exact: true }));

		await notes.fill('# Rollbacks with Payments\nThey batch releases to dodge the queue.');
		await visible(page.getByRole('heading', { level: 1, name: 'Rollbacks with Payments', exact: true }));
		await page.context().close();
	});

	it('asks for the customer before saving, next to the field', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/interviews/new' });
		await page.getByRole('button', { name: 'Save interview' }).click();
		await expect((await visible(page.getByTestId('error-customerId'))).textContent()).resolves.toContain('Choose the customer');
		await page.context().close();
	});

	it('restores a new interview typed before a crash, after a reload', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/interviews/new' });
		await page.getByLabel('Who you spoke to').fill('Tom Becker');
		await page.getByTestId('notes').fill('Words typed before the window closed.');
		await page.reload();
		const notice = await visible(page.getByTestId('draft-restored'));
		await expect(notice.textContent()).resolves.toContain('Restored the interview you started');
		await expect(page.getByTestId('notes').inputValue()).resolves.toBe('Words typed before the window closed.');
		await expect(page.getByLabel('Who you spoke to').inputValue()).resolves.toBe('Tom Becker');

		await notice.getByRole('button', { name: 'Start over' }).click();
		await expect(page.getByTestId('notes').inputValue()).resolves.toBe('');
		await page.reload();
		await visible(page.getByTestId('notes'));
		await expect(page.getByTestId('draft-restored').count(), 'a discarded draft stays gone').resolves.toBe(0);
		await page.context().close();
	});

	it('autosaves notes after a pause, and says when a save failed, with a way to retry', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/interviews' });
		await page.getByTestId('interview-row').filter({ hasText: 'Risk & Fraud' }).getByRole('link').first().click();
		const notes = await writeNotes(page);
		await notes.press('End');
		await page.keyboard.type(' Second thought.');
		await expect.poll(() => page.getByTestId('save-status').textContent()).toContain('Saved');
		expect((await storedInterview(page)).notes, 'the autosave reached the backend').toContain('Second thought.');

		await failNext(page, 'save_interview_notes', { kind: 'internal', message: 'The disk is full.' });
		await page.keyboard.type(' Another.');
		const status = page.getByTestId('save-status');
		await expect.poll(() => status.textContent()).toContain('Not saved: The disk is full.');
		await screenshot(page, 'autosave-error');
		await status.getByRole('button', { name: 'Try again' }).click();
		await expect.poll(() => status.textContent()).toContain('Saved');
		await expectHealthy(page);
		await page.context().close();
	});

	it('restores notes typed just before a crash when the interview is opened again', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/interviews' });
		await page.getByTestId('interview-row').filter({ hasText: 'Risk & Fraud' }).getByRole('link').first().click();
		const notes = await writeNotes(page);
		const path = new URL(page.url()).pathname;
		await notes.fill('Typed, and the laptop died before the autosave.');
		// Well within the 600 ms pause: the backend never hears of these words.
		const next = await crashAndReopen(page, path);
		const notice = await visible(next.getByTestId('draft-restored'));
		await expect(notice.textContent()).resolves.toContain('Restored notes you typed');
		await expect(next.getByTestId('notes').inputValue()).resolves.toBe('Typed, and the laptop died before the autosave.');
		await expect.poll(() => next.getByTestId('save-status').textContent(), { message: 'the restored notes are saved' }).toContain('Saved');
		expect((await storedInterview(next)).notes, 'the backend has the restored notes').toBe('Typed, and the laptop died before the autosave.');
		await expectHealthy(next);
		await next.context().close();
	});

	it('renders Markdown in the preview with scripts, handlers and javascript: links made inert', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/interviews' });
		await page.getByTestId('interview-row').filter({ hasText: 'Risk & Fraud' }).getByRole('link').first().click();
		await writeNotes(page);
		await page.getByTestId('notes').fill(
			'**Bold claim** here.\n\n<script>window.__hacked = 1</script>\n\n[open me](javascript:window.__hacked=2)\n\n<img src="x" onerror="window.__hacked=3">\n\n<a href="#" onclick="window.__hacked=4">click</a>'
		);
		await page.getByRole('button', { name: 'Preview' }).click();
		const preview = await visible(page.getByTestId('notes-preview'));
		await expect(preview.locator('strong').textContent()).resolves.toBe('Bold claim');
		await expect(preview.locator('script, img, [onclick], [onerror]').count()).resolves.toBe(0);
		for (const href of await preview.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
			expect(href.toLowerCase()).not.toContain('javascript:');
		}
		await preview.getByText('open me').click();
		await preview.getByText('click').click();
		await expect(page.evaluate(() => (window as unknown as { __hacked?: number }).__hacked)).resolves.toBeUndefined();
		expect(new URL(page.url()).pathname, 'a link in the notes does not navigate the app').toMatch(/^\/interviews\//);
		await expectHealthy(page);
		await page.context().close();
	});

	it('opens a saved interview rendered, with its evidence marked, and marks more there', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/interviews' });
		await page.getByTestId('interview-row').filter({ hasText: 'Lena Brandt' }).getByRole('link').first().click();
		const marks = page.getByTestId('notes-preview').locator('mark');
		await expect.poll(() => marks.count()).toBe(2);
		await expect(marks.first().textContent()).resolves.toBe('The CI queue takes 40 minutes on Monday mornings');
		await screenshot(page, 'interview-preview');

		await page.keyboard.press('Control+e');
		await visible(page.getByTestId('toast').filter({ hasText: 'Select a sentence in the rendered notes first' }));
		// Words of a list item: the quote is the words, the range is theirs in the raw notes.
		const words = 'nobody knows which template is current';
		await selectInPreview(page, words);
		await page.keyboard.press('Control+e');
		const dialog = await visible(page.getByRole('dialog', { name: 'Mark as evidence' }));
		await expect(dialog.getByTestId('mark-quote').textContent()).resolves.toBe(words);
		await dialog.getByLabel('Find a pain point').fill('slow');
		await visible(dialog.getByRole('option', { name: /CI queue is slow at peak times/ }));
		await page.keyboard.press('Enter');
		await visible(dialog.getByTestId('picker-chosen'));
		await page.keyboard.press('Enter');
		await dialog.waitFor({ state: 'detached' });
		const { notes, highlights } = await storedInterview(page);
		expect(highlights.find((h) => h.quote === words), 'stored as its range of the raw notes').toMatchObject({
			start: notes.indexOf(words),
			end: notes.indexOf(words) + words.length
		});
		await expect.poll(() => marks.allTextContents()).toContain(words);
		await expectHealthy(page);
		await page.context().close();
	});
});
