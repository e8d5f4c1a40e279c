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
	it('shows the startup failure instead of the overview', async () => {
		const failure = { databasePath: '/x.db', reason: 'not a database', latestBackup: null };
		mockIPC((command) => {
			if (command === 'startup_failure') return failure;
			throw new Error('The database at /x.db could not be opened');
		});
		await workspace.start();
		expect(workspace.state).toEqual({ status: 'failed', failure });
	});

	it('asks for the overview without waiting for the start-up answer', async () => {
		const asked: string[] = [];
		let answer: (value: null) => void = () => {};
		mockIPC((command) => {
			asked.push(command);
			if (command === 'startup_failure') return new Promise((resolve) => (answer = resolve));
			return { ...overview, teams: 3, isEmpty: false };
		});
		workspace.state = { status: 'loading' };
		const started = workspace.start();
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(asked.sort()).toEqual(['startup_failure', 'workspace_overview']);
		answer(null);
		await started;
		expect(workspace.overview?.teams).toBe(3);
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
