import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Changed } from '$lib/bindings/Changed';
import {
	createPerson,
	emptyTrash,
	errorMessage,
	GENERIC_MESSAGE,
	listPeople,
	moveToTrash,
	onChanged,
	updateCustomer
} from './index';

afterEach(() => {
	clearMocks();
	vi.restoreAllMocks();
});

function recordCalls(reply: (command: string, args: unknown) => unknown = () => null) {
	const calls: { command: string; args: unknown }[] = [];
	mockIPC((command, args) => {
		calls.push({ command, args });
		return reply(command, args);
	});
	return calls;
}

describe('command wrappers', () => {
	it('send the snake_case command with camelCase arguments', async () => {
		const calls = recordCalls(() => []);
		await listPeople();
		await listPeople('team-1');
		await moveToTrash('person', 'p-1');
		expect(calls).toEqual([
			{ command: 'list_people', args: { teamId: null } },
			{ command: 'list_people', args: { teamId: 'team-1' } },
			{ command: 'move_to_trash', args: { kind: 'person', id: 'p-1' } }
		]);
	});

	it('wrap inputs as `input` and pass the id beside it', async () => {
		const calls = recordCalls(() => ({}));
		const input = { name: 'Payments', department: '', size: null, contacts: '', productIds: [] };
		await updateCustomer('c-1', input);
		expect(calls[0]).toEqual({ command: 'update_customer', args: { id: 'c-1', input } });
	});

	it('return what the backend returns', async () => {
		recordCalls(() => 7);
		await expect(emptyTrash()).resolves.toBe(7);
	});

	it('reject with the backend ErrorReport, field included', async () => {
		const report = { kind: 'validation', message: 'Name is required.', field: 'name' };
		mockIPC(() => Promise.reject(report));
		await expect(
			createPerson({ teamId: 't', name: '', role: '', level: 'mid' })
		).rejects.toEqual(report);
	});

	it('pass the backend own internal report through unchanged, without logging it again', async () => {
		const report = { kind: 'internal', message: 'Something went wrong in the app. Details are in the log.' };
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		mockIPC(() => Promise.reject(report));
		await expect(emptyTrash()).rejects.toEqual(report);
		expect(log).not.toHaveBeenCalled();
	});

	it('reject with a generic internal report when Tauri rejects with a string, and log the detail', async () => {
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		mockIPC(() => Promise.reject('command create_person not allowed by ACL'));
		const rejection = createPerson({ teamId: 't', name: 'Ada', role: '', level: 'mid' });
		await expect(rejection).rejects.toEqual({ kind: 'internal', message: GENERIC_MESSAGE });
		expect(log, 'the detail is logged once, with the command').toHaveBeenCalledOnce();
		expect(log.mock.calls[0]?.join(' ')).toContain('create_person');
		expect(log.mock.calls[0]).toContain('command create_person not allowed by ACL');
	});

	it('show no argument-type error to the user, only log it', async () => {
		const detail = 'invalid args `input` for command `create_person`: missing field `level`';
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		mockIPC(() => Promise.reject(detail));
		const shown = await listPeople().catch((error: unknown) => errorMessage(error));
		expect(shown).toBe(GENERIC_MESSAGE);
		expect(shown).not.toContain('invalid args');
		expect(log.mock.calls[0]).toContain(detail);
	});
});

describe('onChanged', () => {
	it('delivers each `changed` payload until unsubscribed', async () => {
		mockIPC(() => null, { shouldMockEvents: true });
		const seen = vi.fn<(change: Changed) => void>();
		const stop = onChanged(seen);
		await vi.waitFor(async () => {
			await emit('changed', { kinds: ['team'], ids: ['t-1'], settings: false, counts: false });
			expect(seen).toHaveBeenCalled();
		});
		expect(seen).toHaveBeenLastCalledWith({ kinds: ['team'], ids: ['t-1'], settings: false, counts: false });

		stop();
		const before = seen.mock.calls.length;
		await emit('changed', { kinds: [], ids: [], settings: true, counts: false });
		expect(seen.mock.calls.length, 'no calls after unsubscribing').toBe(before);
	});

	it('ignores events from the moment it is unsubscribed, even before listening is confirmed', async () => {
		mockIPC(() => null, { shouldMockEvents: true });
		const seen = vi.fn();
		onChanged(seen)();
		await emit('changed', { kinds: ['team'], ids: [], settings: false, counts: true });
		await new Promise((resolve) => setTimeout(resolve, 0));
		await emit('changed', { kinds: ['team'], ids: [], settings: false, counts: true });
		expect(seen).not.toHaveBeenCalled();
	});
});
