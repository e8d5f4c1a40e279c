import { describe, expect, it } from 'vitest';
import { chunkOf } from './chunks.js';

/** A build's module graph: each module and the modules it imports. */
function graph(imports) {
	return {
		getModuleIds: () => Object.keys(imports),
		getModuleInfo: (id) => (id in imports ? { importedIds: imports[id] } : null)
	};
}

describe('chunkOf', () => {
	const build = graph({
		'/ui/src/routes/+layout.svelte': ['/ui/src/lib/app/Sidebar.svelte', '/ui/node_modules/bits-ui/dist/index.js'],
		'/ui/src/lib/app/Sidebar.svelte': [],
		'/ui/src/routes/home/+page.svelte': ['/ui/src/lib/home/HomeScreen.svelte'],
		'/ui/src/lib/home/HomeScreen.svelte': [],
		'/ui/src/routes/teams/+page.svelte': ['/ui/src/lib/teams/TeamsScreen.svelte', '/ui/src/lib/app/Sidebar.svelte'],
		'/ui/src/lib/teams/TeamsScreen.svelte': ['/ui/node_modules/chart.js/dist/chart.js'],
		'/ui/node_modules/chart.js/dist/chart.js': [],
		'/ui/node_modules/bits-ui/dist/index.js': [
			'/ui/node_modules/bits-ui/dist/bits/dialog/index.js',
			'/ui/node_modules/bits-ui/dist/bits/combobox/index.js'
		],
		'/ui/node_modules/bits-ui/dist/bits/dialog/index.js': [],
		'/ui/node_modules/bits-ui/dist/bits/combobox/index.js': []
	});

	it('loads what the frame and Home import at start, and the rest with the screens', () => {
		for (const id of ['/ui/src/routes/+layout.svelte', '/ui/src/lib/app/Sidebar.svelte', '/ui/src/lib/home/HomeScreen.svelte'])
			expect(chunkOf(id, build), id).toBe('app');
		for (const id of ['/ui/src/routes/teams/+page.svelte', '/ui/src/lib/teams/TeamsScreen.svelte'])
			expect(chunkOf(id, build), id).toBe('screens');
	});

	it('keeps Chart.js apart, and the library parts only screens use with them', () => {
		expect(chunkOf('/ui/node_modules/chart.js/dist/chart.js', build)).toBe('charts');
		expect(chunkOf('/ui/node_modules/bits-ui/dist/bits/dialog/index.js', build)).toBe('app');
		expect(chunkOf('/ui/node_modules/bits-ui/dist/bits/combobox/index.js', build)).toBe('screens');
	});

	it('walks each build apart', () => {
		const other = graph({ '/ui/src/routes/+layout.svelte': ['/ui/src/lib/teams/TeamsScreen.svelte'], '/ui/src/lib/teams/TeamsScreen.svelte': [] });
		expect(chunkOf('/ui/src/lib/teams/TeamsScreen.svelte', other)).toBe('app');
		expect(chunkOf('/ui/src/lib/teams/TeamsScreen.svelte', build)).toBe('screens');
	});
});
