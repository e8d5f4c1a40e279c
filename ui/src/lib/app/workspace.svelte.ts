// What the whole app shows first: a startup failure, the welcome screen, or the workspace.
// Holds the overview (counts, paths) that the sidebar, Trash badge and Settings read.
import type { ErrorReport } from '$lib/bindings/ErrorReport';
import type { Overview } from '$lib/bindings/Overview';
import type { StartupFailure } from '$lib/bindings/StartupFailure';
import { startupFailure, toErrorReport, workspaceOverview } from '$lib/ipc';
import { markStartup, STARTUP_MARK } from './startup';

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

	#started: Promise<void> | null = null;

	/** Starts the workspace once: the first caller starts it, later ones wait for the same. */
	begin(): Promise<void> {
		this.#started ??= this.start();
		return this.#started;
	}

	/**
	 * Asks the shell whether the database opened and reads the overview, both at once: the
	 * first screen waits for one round trip instead of two. The overview is used only if the
	 * database opened.
	 */
	async start(): Promise<void> {
		const overview = workspaceOverview();
		// Answered below, or dropped when the database did not open.
		overview.catch(() => {});
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
		await this.refresh(overview);
	}

	async refresh(asked: Promise<Overview> = workspaceOverview()): Promise<void> {
		if (this.state.status === 'failed') return;
		const sequence = ++this.#sequence;
		try {
			const overview = await asked;
			if (sequence === this.#sequence) this.state = { status: 'ready', overview };
			markStartup(STARTUP_MARK.ready);
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
