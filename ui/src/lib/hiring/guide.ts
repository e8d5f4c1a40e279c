// The edits a guide builder makes to a guide's list of questions, as the input to save it whole.
import type { Guide } from '$lib/bindings/Guide';
import type { GuideInput } from '$lib/bindings/GuideInput';
import type { GuideItemInput } from '$lib/bindings/GuideItemInput';

/** The guide as it would be saved unchanged. */
export function toInput(guide: Guide): GuideInput {
	return {
		name: guide.name,
		purpose: guide.purpose,
		items: guide.items.map((item) => ({ question: item.questionId, minutes: item.minutes, note: item.note }))
	};
}

/** The items with the one at `from` moved by `by` places, clamped to the list. */
export function moved(items: readonly GuideItemInput[], from: number, by: number): GuideItemInput[] {
	const to = Math.max(0, Math.min(items.length - 1, from + by));
	const next = [...items];
	const [item] = next.splice(from, 1);
	if (item) next.splice(to, 0, item);
	return next;
}

/** The items without the one at `index`. */
export function without(items: readonly GuideItemInput[], index: number): GuideItemInput[] {
	return items.filter((_, i) => i !== index);
}

/** The items with `question` added at the end, unless it is there already. */
export function withQuestion(items: readonly GuideItemInput[], question: string): GuideItemInput[] {
	if (items.some((item) => item.question === question)) return [...items];
	return [...items, { question, minutes: null, note: '' }];
}
