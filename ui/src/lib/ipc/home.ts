// Home: this quarter at a glance.
import type { Home } from '$lib/bindings/Home';
import { call } from './call';

export const getHome = () => call<Home>('get_home');
export const dismissCelebration = (goalId: string) => call<null>('dismiss_celebration', { goalId });
