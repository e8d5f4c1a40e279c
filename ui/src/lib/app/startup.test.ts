// The page's start-up timeline, as the shell logs it and the whole-app benchmark reads it.
import { beforeEach, describe, expect, it } from 'vitest';
import { CALL_MEASURE } from '$lib/ipc/call';
import { markStartup, STARTUP_MARK, startupTimeline } from './startup';

beforeEach(() => {
	performance.clearMarks();
	performance.clearMeasures();
});

describe('startupTimeline', () => {
	it('lists the router, each round trip with its command, the workspace ready and now, in ms', () => {
		markStartup(STARTUP_MARK.router);
		const started = performance.now();
		performance.measure(CALL_MEASURE, { start: started, end: started + 12.4, detail: 'get_home' });
		markStartup(STARTUP_MARK.ready);
		const timeline = startupTimeline();
		expect(timeline, 'names the parts in order, each a time or a start-end span').toMatch(
			/^(.+, )?router \d+, get_home \d+-\d+, ready \d+, now \d+$/
		);
		const found = /get_home (\d+)-(\d+)/.exec(timeline);
		const length = Number(found?.[2]) - Number(found?.[1]);
		expect(length, 'the round trip keeps its length, rounded').toBeGreaterThanOrEqual(12);
		expect(length).toBeLessThanOrEqual(13);
	});

	it('keeps the first moment a mark was made, not a later one', () => {
		markStartup(STARTUP_MARK.ready);
		const first = performance.getEntriesByName(STARTUP_MARK.ready, 'mark')[0]?.startTime;
		markStartup(STARTUP_MARK.ready);
		const marks = performance.getEntriesByName(STARTUP_MARK.ready, 'mark');
		expect(marks.length, 'a refreshed workspace is not ready a second time').toBe(1);
		expect(marks[0]?.startTime).toBe(first);
	});
});
