// Settings that belong to no one feature: who uses this copy of Outward, and when its fiscal
// year starts.
import type { Id } from '$lib/bindings/Id';
import type { Settings } from '$lib/bindings/Settings';
import { call } from './call';

export const getSettings = () => call<Settings>('get_settings');
/** Says who uses this copy of Outward; null forgets it. */
export const setMe = (personId: Id | null) => call<Settings>('set_me', { personId });
/** The month the fiscal year starts in, 1 (January) to 12; quarters everywhere follow it. */
export const setFiscalYearStart = (month: number) => call<Settings>('set_fiscal_year_start', { month });
