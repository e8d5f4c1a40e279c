// Data the screen tests hand to the fake backend.

import type { ImportPreview } from '../../src/lib/bindings/ImportPreview';

/** What the fake folder picker returns: a folder of two interviews, one for a new customer. */
export const FOLDER: ImportPreview = {
	handle: '0198f0a4-6f4e-4c2a-9d31-5b0e2a7c4f10',
	folder: '/home/ada/notes/interviews',
	fileCount: 2,
	files: [
		{ file: '2026-03-14-payments.md', heldOn: '2026-03-14', customer: 'Payments', kind: 'interview' },
		{ file: '2026-03-20-data-science.md', heldOn: '2026-03-20', customer: 'Data Science', kind: 'officeHours' }
	],
	newCustomerCount: 1,
	newCustomers: ['Data Science']
};

/** A folder longer than a preview lists: its first files are shown, the rest counted. */
export const LONG_FOLDER: ImportPreview = {
	...FOLDER,
	handle: '0198f0a4-6f4e-4c2a-9d31-5b0e2a7c4f11',
	fileCount: 120,
	newCustomerCount: 61,
	newCustomers: ['Data Science', 'Growth']
};
