// Requests from anywhere (command palette, welcome screen) for a screen to open its create form.
import type { EntityKind } from '$lib/bindings/EntityKind';

class Intents {
	create = $state<EntityKind | null>(null);
	paletteOpen = $state(false);

	/** Returns true once if a create form for `kind` was requested, and clears the request. */
	takeCreate(kind: EntityKind): boolean {
		if (this.create !== kind) return false;
		this.create = null;
		return true;
	}
}

export const intents = new Intents();
