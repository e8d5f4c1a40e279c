// Importing a folder of Markdown interviews: pick the folder (a native dialog opened by Rust),
// look at what would happen, then import it all or nothing.
import type { ImportPreview } from '$lib/bindings/ImportPreview';
import { chooseInterviewFolder, errorMessage, importInterviews } from '$lib/ipc';

export class InterviewImport {
	preview = $state<ImportPreview | null>(null);
	/** Why the chosen folder cannot be imported, e.g. "notes/a.md, line 3: …". */
	problem = $state<string | null>(null);
	choosing = $state(false);

	async choose(): Promise<void> {
		this.choosing = true;
		this.problem = null;
		try {
			this.preview = await chooseInterviewFolder();
		} catch (error) {
			this.problem = errorMessage(error);
		} finally {
			this.choosing = false;
		}
	}

	/** Imports what the preview showed; resolves to how many interviews were imported. */
	async run(): Promise<number> {
		if (!this.preview) return 0;
		return importInterviews(this.preview.handle);
	}
}
