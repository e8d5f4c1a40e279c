import { redirect } from '@sveltejs/kit';
import { HOME, SCREENS } from '$lib/app/registry';
import { runningWorkshop } from '$lib/ipc';

// The workspace opens on the registry's home screen, or back in facilitation mode when a
// workshop was running when the app closed (the core kept its step and paused its timer).
export async function load(): Promise<never> {
	const running = await runningWorkshop().catch(() => null);
	redirect(307, running ? `/workshops/${running}/facilitate` : SCREENS[HOME].route);
}
