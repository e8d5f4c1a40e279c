// The review's report: exported to a file picked in the app's own save dialog, in Rust.
import type { ReportFormat } from '$lib/bindings/ReportFormat';
import { REPORT_PROGRESS_EVENT } from '$lib/bindings/ReportProgressEvent';
import type { ReportStep } from '$lib/bindings/ReportStep';
import { call } from './call';
import { subscribe } from './events';

/** Resolves to the saved path, or null when the person cancels the dialog. */
export const exportReview = (quarter: string | null, format: ReportFormat) =>
	call<string | null>('export_review', { quarter, format });

/** Calls `callback` with each step of an export until the returned function is called. */
export const onReportProgress = (callback: (step: ReportStep) => void) =>
	subscribe<ReportStep>(REPORT_PROGRESS_EVENT, callback);
