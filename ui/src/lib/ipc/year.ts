// The year in review: a fiscal year's improvements, kudos and most-heard customer teams.
import type { YearInReview } from '$lib/bindings/YearInReview';
import { call } from './call';

export const getYearInReview = (year: number | null) => call<YearInReview>('get_year_in_review', { year });
