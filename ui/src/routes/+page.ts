import { redirect } from '@sveltejs/kit';
import { HOME, SCREENS } from '$lib/app/registry';

// The workspace opens on the registry's home screen.
export function load(): never {
	redirect(307, SCREENS[HOME].route);
}
