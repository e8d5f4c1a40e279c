// What the whole app shows first: a startup failure, the welcome screen, or the workspace.
// Holds the overview (counts, paths) that the sidebar, Trash badge and Settings read.
import type { ErrorReport } from '$lib/bindings/ErrorReport';
import type { Overview } from '$lib/bindings/Overview';
import type { StartupFailure } from '$lib/bindings/StartupFailure';
import { startupFailure, toErrorReport, workspaceOverview } from '$lib/ipc';

export type WorkspaceState =
	| { status: 'loading' }
	| { status: 'failed'; failure: StartupFailure }
	| { status: 'unreachable'; error: ErrorReport }
	| { status: 'ready'; overview: Overview };

class Workspace {
	state = $state<WorkspaceState>({ status: 'loading' });
	#sequence = 0;

	get overview(): Overview | null {
		return this.state.status === 'ready' ? this.state.overview : null;
	}

	get empty(): boolean {
		const overview = this.overview;
		return overview !== null && overview.isEmpty;
	}

	/** Asks the shell whether the database opened, then reads the overview. */
	async start(): Promise<void> {
		try {
			const failure = await startupFailure();
			if (failure) {
				this.state = { status: 'failed', failure };
				return;
			}
		} catch (error) {
			this.state = { status: 'unreachable', error: toErrorReport(error) };
			return;
		}
		await this.refresh();
	}

	async refresh(): Promise<void> {
		if (this.state.status === 'failed') return;
		const sequence = ++this.#sequence;
		try {
			const overview = await workspaceOverview();
			if (sequence === this.#sequence) this.state = { status: 'ready', overview };
		} catch (error) {
			if (sequence === this.#sequence && this.state.status !== 'ready') {
				this.state = { status: 'unreachable', error: toErrorReport(error) };
			}
		}
	}

	/** Uses an overview a command already returned (e.g. after loading the example). */
	accept(overview: Overview): void {
		this.#sequence++;
		this.state = { status: 'ready', overview };
	}
}

export const workspace = new Workspace();
