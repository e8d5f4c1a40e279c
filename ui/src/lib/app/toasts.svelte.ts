// Short messages at the bottom of the window, optionally with one action such as Undo.

export type ToastTone = 'info' | 'success' | 'error';
export type ToastAction = { label: string; run: () => void | Promise<void> };
export type Toast = { id: number; message: string; tone: ToastTone; action: ToastAction | null };

const DISMISS_AFTER_MS = { info: 6000, success: 6000, error: 10000 } as const;
const WITH_ACTION_MS = 12000;

class Toasts {
	items = $state<Toast[]>([]);
	#next = 1;
	#timers = new Map<number, ReturnType<typeof setTimeout>>();

	show(message: string, options: { tone?: ToastTone; action?: ToastAction } = {}): number {
		const id = this.#next++;
		const tone = options.tone ?? 'info';
		this.items = [...this.items, { id, message, tone, action: options.action ?? null }];
		const delay = options.action ? WITH_ACTION_MS : DISMISS_AFTER_MS[tone];
		this.#timers.set(
			id,
			setTimeout(() => this.dismiss(id), delay)
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
