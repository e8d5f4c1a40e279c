// Commitments through the real commands: the example's quarter under way, an empty quarter teaches, a new commitment with an owner
// and a pain point, check-ins that move its status (a wrong one refused next to its field), done
// with the offer to address its pain point, the board by status and by person, and closing the
// quarter with a carry-over. axe runs on each screen, light and dark.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend, expectAccessible, expectHealthy, launch, openApp, screenshot, visible } from './harness';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

type Board = { quarterCode: string; nextCode: string; quarter: { label: string }; total: number };

async function currentBoard(page: Page): Promise<Board> {
	return backend<Board>(page, 'commitment_board', { quarterCode: null });
}

describe('commitments', () => {
	it('adds a commitment, checks in, marks it done and addresses its pain point', async () => {
		const page = await openApp(browser, { scenario: 'example' }, { path: '/commitments' });
		const board = await currentBoard(page);
		expect(board.total, 'the example has commitments in the quarter under way').toBe(3);
		await expect.poll(() => page.getByTestId('commitment-card').count()).toBe(3);
		// The next quarter is empty, and teaches; a commitment made there belongs to it.
		await page.getByRole('button', { name: board.nextCode.replace('-', ' ') }).click();
		const next = await backend<Board>(page, 'commitment_board', { quarterCode: board.nextCode });
		await visible(page.getByText(`No commitments in ${next.quarter.label}`));
		await expectAccessible(page, 'commitments, empty');

		await page.getByRole('button', { name: 'New commitment' }).click();
		const dialog = await visible(page.getByRole('dialog', { name: 'New commitment' }));
		await dialog.getByRole('button', { name: 'Add commitment' }).click();
		await visible(page.getByTestId('error-ownerId'));
		await dialog.getByLabel('Commitment', { exact: true }).fill('Halve the CI queue time');
		await dialog.getByLabel('Owner', { exact: true }).selectOption({ index: 1 });
		const painPoint = dialog.getByRole('checkbox').first();
		const painPointName = (await painPoint.locator('xpath=..').textContent())?.trim() ?? '';
		await painPoint.check();
		await expectAccessible(page, 'new commitment dialog');
		await dialog.getByRole('button', { name: 'Add commitment' }).click();
		await visible(page.getByRole('heading', { level: 1, name: 'Halve the CI queue time' }));
		await expect(page.getByTestId('status-reasons').textContent()).resolves.toMatch(/No check-in yet|Progress (is )?0%/);

		const form = page.getByTestId('check-in-form');
		await form.getByLabel('Progress (%)').fill('140');
		await form.getByRole('button', { name: 'Check in' }).click();
		await expect((await visible(page.getByTestId('error-progress'))).textContent()).resolves.toContain(
			'Progress is 140; it runs from 0 to 100.'
		);
		await form.getByLabel('Progress (%)').fill('95');
		await form.getByLabel('Confidence (1–10)').fill('8');
		await form.getByLabel(/^Note/).fill('Runner pool doubled');
		await form.getByLabel(/^Note/).press('Enter');
		await visible(page.getByTestId('check-ins').getByText('Runner pool doubled'));
		await expect(page.getByTestId('commitment-status').textContent()).resolves.toBe('On track');
		await expectAccessible(page, 'commitment page');

		await page.getByRole('button', { name: 'Mark done' }).click();
		const offer = await visible(page.getByTestId('address-dialog'));
		await expect(offer.textContent()).resolves.toContain(painPointName);
		await expectAccessible(page, 'address pain points');
		await offer.getByRole('button', { name: 'Mark addressed' }).click();
		await offer.waitFor({ state: 'detached' });
		await expect(page.getByTestId('commitment-status').textContent()).resolves.toBe('Done');

		type Shown = { columns: { commitments: { painPoints: { id: string; name: string }[] }[] }[] };
		const shown = await backend<Shown>(page, 'commitment_board', { quarterCode: board.nextCode });
		const linked = shown.columns.flatMap((c) => c.commitments.flatMap((x) => x.painPoints))[0];
		const pain = await backend<{ status: string; history: { note: string }[] }>(page, 'get_pain_point', { id: linked?.id });
		expect(pain.status).toBe('addressed');
		expect(pain.history.at(-1)?.note).toContain('Halve the CI queue time');
		await expectHealthy(page);
		await page.context().close();
	});

	it('shows the board by status and by person, light and dark, and closes the quarter with a carry-over', async () => {
		for (const colorScheme of ['light', 'dark'] as const) {
			const page = await openApp(browser, { scenario: 'example' }, { path: '/commitments', colorScheme });
			const board = await currentBoard(page);
			const people = await backend<{ id: string; name: string }[]>(page, 'list_people', { teamId: null });
			for (const [i, title] of ['Self-serve Postgres upgrades', 'Publish the runner SLO'].entries()) {
				const made = await backend<{ id: string }>(page, 'create_commitment', {
					input: { title, ownerId: people[i % people.length]?.id, quarter: board.quarterCode, goalId: null, painPointIds: [] }
				});
				if (i === 1)
					await backend(page, 'check_in', {
						commitmentId: made.id,
						input: { checkedOn: new Date().toISOString().slice(0, 10), progress: 90, confidence: 3, note: '' }
					});
			}
			const onBoard = await visible(page.getByTestId('commitment-board'));
			await visible(onBoard.getByText('Self-serve Postgres upgrades'));
			await expect(
				page.locator('section', { has: page.getByRole('heading', { name: /^At risk/ }) }).getByText('Publish the runner SLO').count(),
				'confidence 3 is at risk'
			).resolves.toBe(1);
			await page.getByText('How the status is worked out').click();
			await visible(page.getByTestId('status-rules').getByText(/no check-in for more than four weeks/i));
			await expectAccessible(page, `commitment board (${colorScheme})`);
			await screenshot(page, `commitments-board-${colorScheme}`);

			await page.getByRole('button', { name: 'By person' }).click();
			await visible(page.getByTestId('owner-row').first());
			await expectAccessible(page, `commitments by person (${colorScheme})`);

			if (colorScheme === 'light') {
				await page.getByRole('button', { name: 'Close quarter' }).click();
				const dialog = await visible(page.getByRole('dialog', { name: `Close ${board.quarter.label}` }));
				const walk = await visible(dialog.getByTestId('close-walk'));
				await walk.getByRole('group', { name: /Publish the runner SLO/ }).getByLabel('Drop').check();
				await dialog.getByRole('button', { name: 'Close the quarter' }).click();
				await visible(dialog.getByText('Say why each dropped commitment is dropped.'));
				await walk.getByLabel('Why is “Publish the runner SLO” dropped?').fill('The SLO moved to the SRE team');
				await expectAccessible(page, 'close quarter');
				await dialog.getByRole('button', { name: 'Close the quarter' }).click();
				await dialog.waitFor({ state: 'detached' });
				const next = await backend<{ columns: { commitments: { title: string; carriedFrom: string | null }[] }[] }>(
					page,
					'commitment_board',
					{ quarterCode: board.nextCode }
				);
				const carried = next.columns.flatMap((c) => c.commitments);
				// The example's three open commitments were carried over by default, with ours.
				expect(carried.map((c) => c.title)).toContain('Self-serve Postgres upgrades');
				expect(carried.map((c) => c.title)).not.toContain('Publish the runner SLO');
				expect(carried).toHaveLength(4);
				expect(carried.every((c) => c.carriedFrom !== null)).toBe(true);
				await page.getByRole('button', { name: 'By status' }).click();
				await visible(page.getByRole('heading', { name: /^Carried over/ }));
				await visible(page.getByRole('heading', { name: /^Dropped/ }));
			}
			await expectHealthy(page);
			await page.context().close();
		}
	});
});
