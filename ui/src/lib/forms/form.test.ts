import { describe, expect, it } from 'vitest';
import { FormState, requireFilled } from './form.svelte';

describe('requireFilled', () => {
	it('flags blank and whitespace-only required fields, and only those', () => {
		const errors = requireFilled(
			{ name: '  ', teamId: '', role: '' },
			{ name: 'Enter a name.', teamId: 'Choose a team.' }
		);
		expect(errors).toEqual({ name: 'Enter a name.', teamId: 'Choose a team.' });
		expect(requireFilled({ name: 'Ada' }, { name: 'Enter a name.' })).toEqual({});
	});
});

describe('FormState.submit', () => {
	it('does not call the backend while client checks fail', async () => {
		const form = new FormState(['name'] as const);
		let called = false;
		const saved = await form.submit({ name: 'Enter a name.' }, async () => {
			called = true;
		});
		expect(saved).toBe(false);
		expect(called).toBe(false);
		expect(form.errors.name).toBe('Enter a name.');
	});

	it('places a backend field error next to its field', async () => {
		const form = new FormState(['name', 'teamId'] as const);
		const saved = await form.submit({}, () =>
			Promise.reject({ kind: 'conflict', message: 'A person named Ada is already on this team.', field: 'name' })
		);
		expect(saved).toBe(false);
		expect(form.errors).toEqual({ name: 'A person named Ada is already on this team.' });
		expect(form.general).toBeNull();
		expect(form.saving).toBe(false);
	});

	it('shows an error for no field of the form in the banner, and clears it on the next try', async () => {
		const form = new FormState(['name'] as const);
		await form.submit({}, () => Promise.reject({ kind: 'internal', message: 'Disk full.' }));
		expect(form.general).toBe('Disk full.');
		expect(await form.submit({}, async () => undefined)).toBe(true);
		expect(form.general).toBeNull();
		expect(form.errors).toEqual({});
	});
});
