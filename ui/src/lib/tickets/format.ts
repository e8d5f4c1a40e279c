import type { Ticket } from '$lib/bindings/Ticket';

// How the meter writes a wait: hours up to two days, days after.
export function waited(hours: number | null): string {
	if (hours === null) return '—';
	if (hours < 1) return `${Math.round(hours * 60)} min`;
	if (hours < 48) return `${hours.toFixed(1)} h`;
	return `${(hours / 24).toFixed(1)} days`;
}

export function share(percent: number | null): string {
	return percent === null ? '—' : `${Math.round(percent)} %`;
}

// Who raised a ticket and about what: the matched customer team and product, else what the
// file said, else that it said nothing.
export function ticketSource(ticket: Ticket): string {
	const team = ticket.customerName ?? (ticket.teamLabel || 'no team');
	return `${team} · ${ticket.productName ?? (ticket.productLabel || 'no product')}`;
}
