// Where the page's start-up time goes, as one line the shell logs beside the time it reports
// for the first screen (and the whole-app benchmark reads). Nothing is measured for it that is
// not measured anyway: it reads the browser's own timings, the round trips `call` already
// measures, and two marks, once, when the first screen has been painted.
import { CALL_MEASURE } from '$lib/ipc/call';

/**
 * The moments of start-up the browser cannot see: the router's first load, the workspace ready,
 * every read of the first screen answered, and the next frame begun.
 */
export const STARTUP_MARK = {
	router: 'outward:router',
	ready: 'outward:workspace-ready',
	answered: 'outward:answered',
	/** The first animation frame after that: what came before it is script; after it, drawing. */
	frame: 'outward:frame'
} as const;

export function markStartup(name: (typeof STARTUP_MARK)[keyof typeof STARTUP_MARK]): void {
	if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}

const ms = (time: number) => String(Math.round(time));
const span = (start: number, end: number) => `${ms(start)}-${ms(end)}`;

/**
 * The page's start-up so far, in milliseconds since the page began to load: the document, the
 * script and stylesheet (where the browser times them; WebKitGTK does not for the app's own
 * protocol), the router's first load, each command's round trip, the workspace
 * ready, and now (when the shell is told). For example
 * `document 3-9, boot.js 14-20, bundle.js 14-41, …, router 152, startup_failure 153-170, …, now 402`.
 */
export function startupTimeline(): string {
	const parts: string[] = [];
	const [document] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
	if (document) parts.push(`document ${span(document.requestStart, document.responseEnd)}`);
	for (const entry of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
		// `/_app/immutable/bundle.BCklmjQd.js` is the bundle's script: `bundle.js`.
		const file = /([^/.]+)\.[^/]*\.(js|css)$/.exec(entry.name);
		if (file) parts.push(`${file[1]}.${file[2]} ${span(entry.startTime, entry.responseEnd)}`);
	}
	if (document) parts.push(`parsed ${ms(document.domInteractive)}`);
	const mark = (name: string, label: string) => {
		const found = performance.getEntriesByName(name, 'mark')[0];
		if (found) parts.push(`${label} ${ms(found.startTime)}`);
	};
	mark(STARTUP_MARK.router, 'router');
	for (const call of performance.getEntriesByName(CALL_MEASURE, 'measure') as PerformanceMeasure[]) {
		parts.push(`${call.detail} ${span(call.startTime, call.startTime + call.duration)}`);
	}
	mark(STARTUP_MARK.ready, 'ready');
	mark(STARTUP_MARK.answered, 'answered');
	mark(STARTUP_MARK.frame, 'frame');
	parts.push(`now ${ms(performance.now())}`);
	return parts.join(', ');
}
