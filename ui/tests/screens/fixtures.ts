// Data the screen tests hand to the fake backend.

/** What the fake folder picker returns: a folder of two interviews, one for a new customer. */
export const FOLDER = {
	folder: '/home/ada/notes/interviews',
	plan: {
		interviews: [
			{ file: '2026-03-14-payments.md', heldOn: '2026-03-14', customer: 'Payments', kind: 'interview', interviewees: 'Lena Brandt', tags: ['ci'], durationMinutes: 30, notes: 'Builds are slow.' },
			{ file: '2026-03-20-data-science.md', heldOn: '2026-03-20', customer: 'Data Science', kind: 'officeHours', interviewees: '', tags: [], durationMinutes: null, notes: 'Notebooks time out.' }
		],
		newCustomers: ['Data Science']
	}
};
