// Home: this quarter at a glance.
import type { Home } from '$lib/bindings/Home';
import { call } from './call';

export const getHome = () => call<Home>('get_home');
