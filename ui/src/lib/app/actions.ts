// Workspace actions offered in more than one place (welcome screen, palette, settings).
import { goto } from '$app/navigation';
import type { EntityKind } from '$lib/bindings/EntityKind';
import type { Id } from '$lib/bindings/Id';
import {
	createBackup,
	duplicateExercise,
	errorMessage,
	importBundle,
	loadExample,
	moveToTrash,
	restoreFromTrash
} from '$lib/ipc';
import { plural } from '$lib/format';
import { HOME, SCREENS } from './registry';
import { toasts } from './toasts.svelte';
import { workspace } from './workspace.svelte';

/** Copies an exercise and opens the copy's editor. */
export async function copyExercise(id: Id): Promise<void> {
	try {
		const made = await duplicateExercise(id);
		toasts.show(`Made “${made.name}”: yours to change.`, { tone: 'success' });
		await goto(`/exercises/${made.id}/edit`);
	} catch (error) {
		toasts.error(errorMessage(error));
	}
}

/**
 * Imports an export (its `.zip` or folder, chosen in Rust's dialog) into this empty workspace
 * and says so in a toast. Resolves to what was said, or null when cancelled or refused.
 */
export async function importAnExport(): Promise<string | null> {
	try {
		const done = await importBundle();
		if (!done) return null;
		const said = `Imported ${plural(done.records, 'record', 'records')} from ${done.path}.`;
		toasts.show(said, { tone: 'success' });
		await workspace.refresh();
		return said;
	} catch (error) {
		toasts.error(errorMessage(error));
		return null;
	}
}

/** Loads the example workspace and shows Home. Resolves to false if it failed. */
export async function loadExampleWorkspace(): Promise<boolean> {
	try {
		workspace.accept(await loadExample());
		await goto(SCREENS[HOME].route);
		return true;
	} catch (error) {
		toasts.error(errorMessage(error));
		return false;
	}
}

/**
 * Takes a verified backup now. Resolves to its path, or null if it failed (said in a toast).
 * `announce` also says where it went in a toast, for callers that do not show it themselves.
 */
export async function backUpNow({ announce = true } = {}): Promise<string | null> {
	try {
		const path = await createBackup();
		if (announce) toasts.show(`Backup saved: ${path}`, { tone: 'success' });
		await workspace.refresh();
		return path;
	} catch (error) {
		toasts.error(errorMessage(error));
		return null;
	}
}

/**
 * Moves a record to the Trash and offers Undo in a toast. A refusal (a team that still has
 * people) is shown as an error toast. Resolves to true when moved.
 */
export async function trashWithUndo(kind: EntityKind, id: Id, name: string): Promise<boolean> {
	try {
		await moveToTrash(kind, id);
	} catch (error) {
		toasts.error(errorMessage(error));
		return false;
	}
	toasts.show(`Moved to Trash: ${name}`, {
		tone: 'success',
		action: {
			label: 'Undo',
			run: async () => {
				try {
					await restoreFromTrash(kind, id);
					toasts.show(`Restored: ${name}`, { tone: 'success' });
				} catch (error) {
					toasts.error(errorMessage(error));
				}
			}
		}
	});
	return true;
}
