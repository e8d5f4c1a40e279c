// Whether a dialog has the person's attention, so window-wide keys leave it alone.

/**
 * A dialog that is open. A dialog that has closed can stay in the page for a while (its content
 * is kept until its closing is over, which in some web views takes seconds) with
 * `data-state="closed"`; it no longer holds the keys.
 */
const OPEN_DIALOG = '[role="dialog"]:not([data-state="closed"]), [role="alertdialog"]:not([data-state="closed"])';

/** True while an open dialog is in the page. */
export function dialogOpen(): boolean {
	return typeof document !== 'undefined' && document.querySelector(OPEN_DIALOG) !== null;
}

/** True when `target` (a key press's) is inside a dialog, open or closing. */
export function inDialog(target: EventTarget | null): boolean {
	return (target as Element | null)?.closest?.('[role="dialog"], [role="alertdialog"]') != null;
}
