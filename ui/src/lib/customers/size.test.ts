import { describe, expect, it } from 'vitest';
import { parseSize } from './size';

describe('parseSize', () => {
	it('treats an empty field as unknown', () => {
		expect(parseSize('  ')).toEqual({ ok: true, value: null });
	});

	it('accepts whole numbers, with thousands separators', () => {
		expect(parseSize('12')).toEqual({ ok: true, value: 12 });
		expect(parseSize('1,200')).toEqual({ ok: true, value: 1200 });
	});

	it('refuses fractions, negatives and words with a message', () => {
		for (const text of ['12.5', '-3', 'ten']) {
			const parsed = parseSize(text);
			expect(parsed.ok, text).toBe(false);
		}
	});
});
