// Short messages at the bottom right of the window, optionally with one action such as Undo.

export type ToastTone = 'info' | 'success' | 'error';
export type ToastAction = { label: string; run: () => void | Promise<void> };
export type Toast = { id: number; message: string; tone: ToastTone; action: ToastAction | null };

// A plain confirmation is read at a glance and then only covers the window; a long one gets a
// little more time. Errors and actions (Undo) stay long enough to read and to act on.
const PLAIN_MS = 4000;
const PLAIN_MAX_MS = 6000;
const PER_CHARACTER_AFTER_60_MS = 40;
const ERROR_MS = 10000;
const WITH_ACTION_MS = 12000;

/** How long a toast stays before it dismisses itself. */
export function toastDuration(message: string, tone: ToastTone, hasAction: boolean): number {
	if (hasAction) return WITH_ACTION_MS;
	if (tone === 'error') return ERROR_MS;
	const extra = Math.max(0, [...message].length - 60) * PER_CHARACTER_AFTER_60_MS;
	return Math.min(PLAIN_MAX_MS, PLAIN_MS + extra);
}

class Toasts {
	items = $state<Toast[]>([]);
	#next = 1;
	#timers = new Map<number, ReturnType<typeof setTimeout>>();

	show(message: string, options: { tone?: ToastTone; action?: ToastAction } = {}): number {
		const id = this.#next++;
		const tone = options.tone ?? 'info';
		this.items = [...this.items, { id, message, tone, action: options.action ?? null }];
		this.#timers.set(
			id,
			setTimeout(() => this.dismiss(id), toastDuration(message, tone, options.action !== undefined))
		);
		return id;
	}

	error(message: string): number {
		return this.show(message, { tone: 'error' });
	}

	dismiss(id: number): void {
		clearTimeout(this.#timers.get(id));
		this.#timers.delete(id);
		this.items = this.items.filter((toast) => toast.id !== id);
	}
}

export const toasts = new Toasts();
