import { chromeAt } from '$lib/app/registry';
import { markStartup, STARTUP_MARK } from '$lib/app/startup';
import { workspace } from '$lib/app/workspace.svelte';

// A desktop single-page app: everything renders in the webview, nothing on a server.
export const ssr = false;
export const prerender = false;

// The workspace is asked for while the first route loads (the home route asks whether a
// workshop was left running), not once the layout has rendered: start-up then waits for one
// round trip instead of three before the frame and the screen's own reads. The presenter
// window shows only the room's view and has no workspace.
export function load({ route }: { route: { id: string | null } }): void {
	markStartup(STARTUP_MARK.router);
	if (chromeAt(route.id) !== 'room') void workspace.begin();
}
