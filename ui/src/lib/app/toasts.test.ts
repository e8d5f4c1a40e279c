import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toastDuration, toasts } from './toasts.svelte';

describe('toasts', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => {
		for (const toast of toasts.items) toasts.dismiss(toast.id);
		vi.useRealTimers();
	});

	it('lets a plain confirmation go after four seconds, so it covers the screen briefly', () => {
		expect(toastDuration('Status is now Planned.', 'success', false), 'a short success toast').toBe(4000);
		const long = 'Backup saved: /home/ada/.local/share/io.outward.desktop/backups/outward-2026-11-30.db';
		expect(toastDuration(long, 'success', false), 'a long one gets more time, up to six seconds').toBeGreaterThan(4000);
		expect(toastDuration(`${long} ${long} ${long}`, 'info', false), 'but never more than six').toBe(6000);
	});

	it('keeps a toast with Undo, and an error, up long enough to act on', () => {
		expect(toastDuration('Moved to Trash: Search', 'success', true), 'Undo needs time to reach').toBeGreaterThanOrEqual(6000);
		expect(toastDuration('The disk is full.', 'error', false), 'an error needs time to read').toBeGreaterThanOrEqual(6000);
	});

	it('dismisses itself after its time, and not before', () => {
		toasts.show('Status is now Planned.', { tone: 'success' });
		const undo = toasts.show('Moved to Trash: Search', { tone: 'success', action: { label: 'Undo', run: () => {} } });
		vi.advanceTimersByTime(3999);
		expect(toasts.items, 'both still shown just before four seconds').toHaveLength(2);
		vi.advanceTimersByTime(1);
		expect(toasts.items.map((t) => t.id), 'the plain one is gone, the one with Undo stays').toEqual([undo]);
		vi.advanceTimersByTime(8000);
		expect(toasts.items, 'the one with Undo is gone after twelve seconds').toEqual([]);
	});
});
