import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import type { Overview } from '$lib/bindings/Overview';
import { workspace } from './workspace.svelte';

const overview: Overview = {
	databasePath: '/data/outward.db',
	schemaVersion: 1,
	teams: 0,
	people: 0,
	products: 0,
	customers: 0,
	interviews: 0,
	painPoints: 0,
	inbox: 0,
	trash: 0,
	latestBackup: null,
	isEmpty: true
};

afterEach(() => clearMocks());

describe('workspace', () => {
	it('shows the startup failure instead of reading the overview', async () => {
		const failure = { databasePath: '/x.db', reason: 'not a database', latestBackup: null };
		const asked: string[] = [];
		mockIPC((command) => {
			asked.push(command);
			return command === 'startup_failure' ? failure : overview;
		});
		await workspace.start();
		expect(workspace.state).toEqual({ status: 'failed', failure });
		expect(asked).toEqual(['startup_failure']);
	});

	it('is ready with the overview when the database opened', async () => {
		mockIPC((command) => (command === 'startup_failure' ? null : { ...overview, teams: 2, isEmpty: false }));
		workspace.state = { status: 'loading' };
		await workspace.start();
		expect(workspace.overview?.teams).toBe(2);
		expect(workspace.empty).toBe(false);
	});

	it('reports a backend it cannot reach instead of staying blank', async () => {
		mockIPC(() => Promise.reject('IPC unavailable'));
		workspace.state = { status: 'loading' };
		await workspace.start();
		expect(workspace.state.status).toBe('unreachable');
	});
});
