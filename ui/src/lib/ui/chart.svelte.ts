// Every chart on the screens is a Chart.js chart drawn on a canvas from here: the library loads
// when the first chart component starts, a chart is first drawn when its canvas comes near the window
// (a review at a heavy user's size has a trend chart for each of 200 metrics, and drawing them
// all took two seconds before anything showed), it is redrawn when anything its configuration
// reads changes, and destroyed with its component. Charts fill their box (its CSS sets the
// height) and do not animate, so what a screenshot or a test sees is the chart as drawn.

import type { Chart, ChartConfiguration, ChartType } from 'chart.js';
import { onDestroy } from 'svelte';

type ChartJs = typeof import('chart.js');

let library = $state<ChartJs | null>(null);
let loading: Promise<void> | null = null;

function load() {
	loading ??= import('chart.js').then((chartJs) => {
		chartJs.Chart.register(...chartJs.registerables);
		library = chartJs;
	});
}

/** The theme's value of a colour token such as `--text`, or `fallback` where it has none. */
export function themeColour(token: string, fallback = '#1f5a96'): string {
	return getComputedStyle(document.documentElement).getPropertyValue(token).trim() || fallback;
}

type AxisColours = { text: string; grid: string };

/** The colours of a chart's labels and grid lines in the current theme. */
function axisColours(): AxisColours {
	return { text: themeColour('--text', '#222'), grid: themeColour('--border', '#ccc') };
}

/** How far outside the window a canvas may be and still be drawn, so scrolling finds it drawn. */
const NEAR = '400px';

/**
 * Draws the chart `configure` describes, given the theme's axis colours, on the canvas `canvas`
 * returns, once there is one near the window and Chart.js has loaded, and again whenever what
 * `configure` reads changes. Call it while the component initialises.
 */
export function drawChart<T extends ChartType>(
	canvas: () => HTMLCanvasElement | null,
	configure: (axis: AxisColours) => ChartConfiguration<T>
) {
	let chart: Chart<T> | null = null;
	let near = $state(false);
	load();
	$effect(() => {
		const target = canvas();
		if (!target || near) return;
		const watch = new IntersectionObserver(
			(entries) => {
				if (entries.some((entry) => entry.isIntersecting)) near = true;
			},
			{ rootMargin: NEAR }
		);
		watch.observe(target);
		return () => watch.disconnect();
	});
	$effect(() => {
		const target = canvas();
		const chartJs = library;
		if (!target || !chartJs || !near) return;
		const config = configure(axisColours());
		chart?.destroy();
		chart = new chartJs.Chart(target, {
			...config,
			options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options }
		} as ChartConfiguration<T>);
	});
	onDestroy(() => chart?.destroy());
}
