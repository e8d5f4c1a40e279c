// What an interview is called wherever it is listed: its own heading (the notes' first heading,
// read by the core), or else its kind and date, so two conversations with one customer differ.
import type { InterviewKind } from '$lib/bindings/InterviewKind';
import { INTERVIEW_KIND_LABELS } from '$lib/bindings/vocabulary';
import { day } from '$lib/format';

export type Titled = { heading: string | null; kind: InterviewKind; heldOn: string };

export function interviewTitle(interview: Titled): string {
	return interview.heading ?? `${INTERVIEW_KIND_LABELS[interview.kind]}, ${day(interview.heldOn)}`;
}
