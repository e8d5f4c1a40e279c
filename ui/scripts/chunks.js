// How the UI's script is cut into files. The webview parses every byte of the script it loads
// before the first screen can show, so start-up loads only what the frame and Home need (the
// root layout, the home route and everything they import): the `app` chunk. Every other screen's
// code is the `screens` chunk, loaded on the first visit to another screen (and fetched once the
// first screen is painted, so that visit does not wait for it); Chart.js is the `charts` chunk,
// loaded when the first chart is drawn. Three files, not one per module: each file the webview
// fetches is a round trip through the app (see BENCHMARKS.md).

/** The route files start-up needs, as they end the module ids SvelteKit gives them. */
const START = [
	'/src/routes/+layout.ts',
	'/src/routes/+layout.svelte',
	'/src/routes/+page.ts',
	'/src/routes/home/+page.svelte',
	'/components/svelte-5/error.svelte',
	'/generated/client-optimized/app.js'
];
const CHARTS = /\/node_modules\/(chart\.js|@kurkle\/color)\//;
// Parts of libraries only other screens use. A library's index imports all of its parts, so the
// walk below reaches them from the frame's imports; named here, they wait with the screens.
const LATER = /\/node_modules\/(@floating-ui\/|bits-ui\/dist\/(bits\/(select|combobox|tabs|alert-dialog)|bits\/utilities\/(floating-layer|popper-layer)|internal\/floating-svelte)\/)/;

/**
 * The modules start-up loads, for each build (a build's graph is known by its `getModuleInfo`).
 * @type {WeakMap<Function, Set<string>>}
 */
const atStart = new WeakMap();

/**
 * Rollup's `manualChunks`: the chunk module `id` belongs to.
 * @param {string} id
 * @param {{ getModuleIds: () => Iterable<string>, getModuleInfo: (id: string) => { importedIds: readonly string[] } | null }} graph
 * @returns {'app' | 'screens' | 'charts'}
 */
export function chunkOf(id, graph) {
	if (CHARTS.test(id)) return 'charts';
	let start = atStart.get(graph.getModuleInfo);
	if (!start) {
		start = reachedFrom([...graph.getModuleIds()].filter((module) => START.some((end) => module.endsWith(end))), graph);
		atStart.set(graph.getModuleInfo, start);
	}
	return start.has(id) && !LATER.test(id) ? 'app' : 'screens';
}

/**
 * Every module `roots` import, directly or not.
 * @param {string[]} roots
 * @param {{ getModuleInfo: (id: string) => { importedIds: readonly string[] } | null }} graph
 */
function reachedFrom(roots, { getModuleInfo }) {
	const reached = new Set();
	const pending = [...roots];
	for (let module = pending.pop(); module !== undefined; module = pending.pop()) {
		if (reached.has(module)) continue;
		reached.add(module);
		pending.push(...(getModuleInfo(module)?.importedIds ?? []));
	}
	return reached;
}
