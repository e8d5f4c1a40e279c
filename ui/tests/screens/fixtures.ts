// Folders of Markdown interviews for the import, written to disk for the real backend to read.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Note = { file: string; date: string; customer: string; kind?: string; body?: string };

const written: string[] = [];
process.once('exit', () => written.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** Writes `notes` into a new temporary folder, deleted when the tests end, and returns its path. */
export function notesFolder(notes: Note[]): string {
	const folder = mkdtempSync(join(tmpdir(), 'outward-notes-'));
	written.push(folder);
	for (const { file, date, customer, kind, body } of notes) {
		const front = [`customer: ${customer}`, `date: ${date}`, ...(kind ? [`kind: ${kind}`] : [])];
		writeFileSync(join(folder, file), `---\n${front.join('\n')}\n---\n${body ?? 'What we heard.'}\n`);
	}
	return folder;
}

/** Two interviews, one of them for a customer the example does not have yet. */
export const twoInterviews = (): string =>
	notesFolder([
		{ file: '2026-03-14-payments.md', date: '2026-03-14', customer: 'Payments' },
		{ file: '2026-03-20-growth.md', date: '2026-03-20', customer: 'Growth', kind: 'office hours' }
	]);

/** More files and new customers than a preview lists: 120 files naming 61 new customers. */
export const longFolder = (): string =>
	notesFolder(
		Array.from({ length: 120 }, (_, i) => ({
			file: `${String(i + 1).padStart(3, '0')}.md`,
			date: '2026-03-14',
			customer: i < 61 ? `Team ${String(i + 1).padStart(2, '0')}` : 'Payments'
		}))
	);

/** A file whose date does not exist, on line 3 of `b.md`. */
export const badDate = (): string =>
	notesFolder([
		{ file: 'a.md', date: '2026-03-14', customer: 'Payments' },
		{ file: 'b.md', date: '2026-13-01', customer: 'Payments' }
	]);

/**
 * A survey export as Google Forms writes it, for the example's developer survey: its own name for
 * the recommendation column, a comment with a quoted newline and comma, and one team ("Warehouse")
 * that is no customer team. Returns the file's path.
 */
export function surveyExport(): string {
	const folder = mkdtempSync(join(tmpdir(), 'outward-survey-'));
	written.push(folder);
	const file = join(folder, 'Developer survey (Responses) - Form responses 1.csv');
	const rows = [
		'Which team are you in?,How satisfied are you with CI?,Recommend (0-10),Anything else you want to tell us?',
		'Payments,4,9,"Runners are faster,\nthanks"',
		'Warehouse,5,10,',
		'Checkout,2,6,Canary rollbacks are unclear'
	];
	writeFileSync(file, `${rows.join('\r\n')}\r\n`);
	return file;
}
