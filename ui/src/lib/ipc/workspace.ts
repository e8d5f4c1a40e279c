// The workspace as a whole: start-up, the overview, the example, backups and the app's version.
import { getVersion } from '@tauri-apps/api/app';
import type { Overview } from '$lib/bindings/Overview';
import type { StartupFailure } from '$lib/bindings/StartupFailure';
import { call } from './call';
import { toErrorReport } from './errors';

export const startupFailure = () => call<StartupFailure | null>('startup_failure');
export const workspaceOverview = () => call<Overview>('workspace_overview');
/**
 * Tells the shell the first screen with data is on screen; it logs how long start-up took, with
 * `timeline`, where the page's part of it went (see `startupTimeline`).
 */
export const firstScreenPainted = (timeline: string) => call<null>('first_screen_painted', { timeline });
export const loadExample = () => call<Overview>('load_example');
export const createBackup = () => call<string>('create_backup');

/** The app's version from the shell; rejects like any command. */
export async function appVersion(): Promise<string> {
	try {
		return await getVersion();
	} catch (error) {
		throw toErrorReport(error, 'cannot read the app version');
	}
}
