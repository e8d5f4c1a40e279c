import { describe, expect, it, vi } from 'vitest';
import { filterCommands, groupCommands, paletteCommands, type PaletteActions } from './commands';

function actions(): PaletteActions {
	return {
		navigate: vi.fn(),
		create: vi.fn(),
		loadExample: vi.fn(),
		backUp: vi.fn(),
		setTheme: vi.fn()
	};
}

const labels = (list: { label: string }[]) => list.map((c) => c.label);

describe('paletteCommands', () => {
	it('offers every screen and every create action in a workspace with data', () => {
		const list = labels(paletteCommands(false, actions()));
		for (const label of ['Teams', 'People', 'Products', 'Customers', 'Interviews', 'Pain points', 'Themes', 'Coverage', 'Trash', 'Settings']) {
			expect(list).toContain(label);
		}
		for (const label of ['New team', 'New person', 'New product', 'New customer', 'Log interview', 'New pain point', 'New theme']) {
			expect(list).toContain(label);
		}
		expect(list, 'the example can only be loaded into an empty workspace').not.toContain(
			'Load example workspace'
		);
	});

	it('offers only the first steps in an empty workspace', () => {
		const list = labels(paletteCommands(true, actions()));
		expect(list).toContain('Load example workspace');
		expect(list).toContain('New team');
		expect(list).not.toContain('New person');
		expect(list).not.toContain('People');
	});

	it('runs the matching action', () => {
		const spy = actions();
		const commands = paletteCommands(false, spy);
		commands.find((c) => c.label === 'People')?.run();
		commands.find((c) => c.label === 'New customer')?.run();
		commands.find((c) => c.label === 'Log interview')?.run();
		expect(spy.navigate).toHaveBeenCalledWith('/people');
		expect(spy.create).toHaveBeenCalledWith('customer');
		expect(spy.create).toHaveBeenCalledWith('interview');
	});
});

describe('filterCommands', () => {
	const commands = paletteCommands(false, actions());

	it('returns everything for an empty query', () => {
		expect(filterCommands(commands, '   ')).toHaveLength(commands.length);
	});

	it('puts labels starting with the query first', () => {
		expect(labels(filterCommands(commands, 'pe'))[0]).toBe('People');
		expect(labels(filterCommands(commands, 'new p')).slice(0, 2)).toEqual([
			'New person',
			'New product'
		]);
	});

	it('matches keywords, case-insensitively', () => {
		expect(labels(filterCommands(commands, 'PORTFOLIO'))).toEqual(['Products']);
		expect(labels(filterCommands(commands, 'deleted'))).toContain('Trash');
	});

	it('requires every word to match', () => {
		expect(labels(filterCommands(commands, 'new zebra'))).toEqual([]);
	});

	it('groups in first-appearance order', () => {
		const groups = groupCommands(filterCommands(commands, 'new'));
		expect(groups.map((g) => g.group)).toEqual(['Create']);
	});
});
