// Tickets: importing a tracker's export, and a quarter's black-hole meter.
import { Channel } from '@tauri-apps/api/core';
import type { BlackHole } from '$lib/bindings/BlackHole';
import type { Id } from '$lib/bindings/Id';
import type { Progress } from '$lib/bindings/Progress';
import type { Quarter } from '$lib/bindings/Quarter';
import type { TicketFile } from '$lib/bindings/TicketFile';
import type { TicketImportMapping } from '$lib/bindings/TicketImportMapping';
import type { TicketImportPreview } from '$lib/bindings/TicketImportPreview';
import type { TicketsImported } from '$lib/bindings/TicketsImported';
import { call } from './call';

/** Opens the system's file dialog; `null` when the person cancels it. */
export const chooseTicketFile = () => call<TicketFile | null>('choose_ticket_file');
export const previewTicketImport = (handle: number, mapping: TicketImportMapping) =>
	call<TicketImportPreview>('preview_ticket_import', { handle, mapping });
/** Imports the picked export; `onProgress` hears how many tickets are written. */
export function importTickets(
	handle: number,
	mapping: TicketImportMapping,
	onProgress: (progress: Progress) => void
): Promise<TicketsImported> {
	const progress = new Channel<Progress>();
	progress.onmessage = onProgress;
	return call<TicketsImported>('import_tickets', { handle, mapping, progress });
}
export const cancelTicketImport = () => call<void>('cancel_ticket_import');
/** The meter of `quarter` (`2026-Q3`), or of the current quarter when `null`. */
export const ticketMeter = (quarter: string | null, unansweredAfterDays: number) =>
	call<BlackHole>('ticket_meter', { quarter, unansweredAfterDays });
export const ticketQuarters = () => call<Quarter[]>('ticket_quarters');
export const ticketResponseMetric = () => call<Id | null>('ticket_response_metric');
