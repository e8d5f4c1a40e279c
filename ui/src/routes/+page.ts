import { redirect } from '@sveltejs/kit';

// The workspace opens on its teams.
export function load(): never {
	redirect(307, '/teams');
}
