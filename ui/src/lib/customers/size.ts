// The headcount field: optional, a whole number. The backend checks the upper bound.

export type ParsedSize = { ok: true; value: number | null } | { ok: false; message: string };

export function parseSize(text: string): ParsedSize {
	const trimmed = text.trim().replace(/[\s,_']/g, '');
	if (trimmed === '') return { ok: true, value: null };
	if (!/^\d+$/.test(trimmed)) {
		return { ok: false, message: 'Enter the headcount as a whole number, e.g. 12.' };
	}
	const value = Number(trimmed);
	if (!Number.isSafeInteger(value)) {
		return { ok: false, message: 'That number is too large for a team size.' };
	}
	return { ok: true, value };
}
