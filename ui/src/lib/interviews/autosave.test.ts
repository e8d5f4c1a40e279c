import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosave } from './autosave.svelte';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function deferred() {
	let resolve!: () => void;
	let reject!: (error: unknown) => void;
	const promise = new Promise<void>((yes, no) => {
		resolve = yes;
		reject = no;
	});
	return { promise, resolve, reject };
}

describe('Autosave', () => {
	it('saves once, 600 ms after the last change, with the latest text', async () => {
		const saved: string[] = [];
		const autosave = new Autosave(async (text) => void saved.push(text));
		autosave.change('a');
		await vi.advanceTimersByTimeAsync(400);
		autosave.change('ab');
		await vi.advanceTimersByTimeAsync(400);
		expect(saved, 'typing keeps postponing the save').toEqual([]);
		expect(autosave.state).toBe('pending');
		await vi.advanceTimersByTimeAsync(250);
		expect(saved).toEqual(['ab']);
		expect(autosave.state).toBe('saved');
		expect(autosave.dirty).toBe(false);
	});

	it('saves again after a save during which the person kept typing', async () => {
		const first = deferred();
		const saved: string[] = [];
		const autosave = new Autosave((text) => {
			saved.push(text);
			return saved.length === 1 ? first.promise : Promise.resolve();
		});
		autosave.change('one');
		await vi.advanceTimersByTimeAsync(600);
		expect(autosave.state).toBe('saving');
		autosave.change('one two');
		first.resolve();
		await vi.advanceTimersByTimeAsync(600);
		expect(saved).toEqual(['one', 'one two']);
		expect(autosave.state).toBe('saved');
	});

	it('reports a failed save, keeps the text unsaved, and retries on flush', async () => {
		let fail = true;
		const onsaved = vi.fn();
		const autosave = new Autosave(
			() => (fail ? Promise.reject({ kind: 'internal', message: 'Disk full.' }) : Promise.resolve()),
			{ onsaved }
		);
		autosave.change('text');
		await vi.advanceTimersByTimeAsync(600);
		expect(autosave.state).toBe('error');
		expect(autosave.error).toBe('Disk full.');
		expect(autosave.dirty).toBe(true);
		expect(onsaved).not.toHaveBeenCalled();
		fail = false;
		await expect(autosave.flush()).resolves.toBe(true);
		expect(onsaved).toHaveBeenCalledWith('text');
		expect(autosave.error).toBeNull();
	});

	it('does not save text the backend already holds', async () => {
		const save = vi.fn(() => Promise.resolve());
		const autosave = new Autosave(save, { saved: 'same' });
		autosave.change('same');
		await vi.advanceTimersByTimeAsync(1000);
		expect(save).not.toHaveBeenCalled();
		autosave.reset('loaded');
		expect(autosave.state).toBe('idle');
	});
});
