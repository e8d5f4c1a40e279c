import { describe, expect, it } from 'vitest';
import { Drafts, NEW_INTERVIEW } from './drafts';

function memoryStorage() {
	const map = new Map<string, string>();
	return {
		map,
		getItem: (key: string) => map.get(key) ?? null,
		setItem: (key: string, value: string) => void map.set(key, value),
		removeItem: (key: string) => void map.delete(key)
	};
}

describe('Drafts', () => {
	it('keeps a draft per interview and reads it back with its time', () => {
		const storage = memoryStorage();
		const drafts = new Drafts(storage);
		drafts.write('a', { notes: 'one' }, new Date('2026-11-01T10:00:00Z'));
		drafts.write(NEW_INTERVIEW, { notes: 'two' });
		expect(drafts.read('a')).toEqual({ notes: 'one', savedAt: '2026-11-01T10:00:00.000Z' });
		expect(drafts.read(NEW_INTERVIEW)?.notes).toBe('two');
		expect(drafts.read('b')).toBeNull();
	});

	it('settles a draft only when the saved text is the text it holds', () => {
		const drafts = new Drafts(memoryStorage());
		drafts.write('a', { notes: 'typed more' });
		drafts.settle('a', 'typed');
		expect(drafts.read('a')?.notes, 'newer typing is kept').toBe('typed more');
		drafts.settle('a', 'typed more');
		expect(drafts.read('a')).toBeNull();
	});

	it('survives broken or full storage without throwing', () => {
		const storage = memoryStorage();
		storage.map.set('outward.draft.interview.a', '{not json');
		const drafts = new Drafts(storage);
		expect(drafts.read('a')).toBeNull();
		const full = new Drafts({
			getItem: () => null,
			setItem: () => {
				throw new Error('QuotaExceededError');
			},
			removeItem: () => undefined
		});
		expect(full.write('a', { notes: 'x' })).toBe(false);
		expect(new Drafts(null).write('a', { notes: 'x' })).toBe(false);
	});

	it('ignores a stored value that is not a draft', () => {
		const storage = memoryStorage();
		storage.map.set('outward.draft.interview.a', JSON.stringify({ notes: 3 }));
		expect(new Drafts(storage).read('a')).toBeNull();
	});
});
