// The keys of facilitation mode: one table read by the key handler and by the legend drawn on
// screen, so what the screen says is what the keys do.

export type FacilitationAction =
	| 'toggleTimer'
	| 'next'
	| 'previous'
	| 'addMinute'
	| 'toggleScript'
	| 'presenter'
	| 'room'
	| 'leave';

export type FacilitationKey = {
	action: FacilitationAction;
	/** The `KeyboardEvent.key` values that trigger it. */
	keys: readonly string[];
	/** How the key is written on screen. */
	label: string;
	/** What it does, in a word or two. */
	does: string;
};

export const FACILITATION_KEYS: readonly FacilitationKey[] = [
	{ action: 'toggleTimer', keys: [' '], label: 'Space', does: 'Start or pause' },
	{ action: 'addMinute', keys: ['+', '='], label: '+', does: 'Add a minute' },
	{ action: 'previous', keys: ['ArrowLeft'], label: '←', does: 'Previous step' },
	{ action: 'next', keys: ['ArrowRight'], label: '→', does: 'Next step' },
	{ action: 'toggleScript', keys: ['s', 'S'], label: 'S', does: 'Script' },
	{ action: 'presenter', keys: ['p', 'P'], label: 'P', does: 'Room window' },
	{ action: 'room', keys: ['j', 'J'], label: 'J', does: 'Room joins' },
	{ action: 'leave', keys: ['Escape'], label: 'Esc', does: 'Leave' }
];

/** True while the person is typing (a card, a name): then letters and Space are text, not keys. */
export function typingIn(target: EventTarget | null): boolean {
	if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
	if (target.isContentEditable) return true;
	if (target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
	if (target.tagName !== 'INPUT') return false;
	const type = (target as HTMLInputElement).type;
	return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range'].includes(type);
}

/** Escape in a text field gives the keys back to facilitation mode instead of leaving it. */
export function leavesField(event: Pick<KeyboardEvent, 'key' | 'target'>): boolean {
	return event.key === 'Escape' && typingIn(event.target);
}

/**
 * The action a key press asks for, or null. Keys with Ctrl, Alt or Meta belong to the app (the
 * palette) and the system; inside a text field every key is text (Escape there only leaves the
 * field, see `leavesField`), and Space or Enter on a focused button or link does what that
 * control does.
 */
export function actionFor(
	event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'target'>
): FacilitationAction | null {
	if (event.ctrlKey || event.altKey || event.metaKey) return null;
	if (typingIn(event.target)) return null;
	const onControl =
		typeof HTMLElement !== 'undefined' &&
		event.target instanceof HTMLElement &&
		['BUTTON', 'A', 'SUMMARY'].includes(event.target.tagName);
	if (onControl && (event.key === ' ' || event.key === 'Enter')) return null;
	return FACILITATION_KEYS.find((entry) => entry.keys.includes(event.key))?.action ?? null;
}
