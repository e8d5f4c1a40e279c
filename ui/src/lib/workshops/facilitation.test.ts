import { describe, expect, it, vi } from 'vitest';
import { CHIME_NOTES, CHIME_PEAK, playChime } from './chime';
import { formatClock, remainingNow, spokenClock } from './clock';
import { actionFor, FACILITATION_KEYS, leavesField } from './keys';

// Node has no DOM: a stand-in HTMLElement class, so `instanceof` checks see a focused field.
class FakeElement {}
(globalThis as unknown as { HTMLElement: unknown }).HTMLElement ??= FakeElement;
const FakeElementClass = (globalThis as unknown as { HTMLElement: typeof FakeElement }).HTMLElement;

const press = (key: string, extra: Partial<KeyboardEvent> = {}) =>
	actionFor({ key, ctrlKey: false, altKey: false, metaKey: false, target: null, ...extra });

describe('facilitation keys', () => {
	it('maps the keys shown on screen to their actions', () => {
		expect(press(' ')).toBe('toggleTimer');
		expect(press('ArrowRight')).toBe('next');
		expect(press('ArrowLeft')).toBe('previous');
		expect(press('+')).toBe('addMinute');
		expect(press('s')).toBe('toggleScript');
		expect(press('Escape')).toBe('leave');
		expect(press('x')).toBeNull();
	});

	it('leaves keys typed in a field to the field; Escape there only leaves the field', () => {
		const field = { tagName: 'INPUT', type: 'text', isContentEditable: false };
		Object.setPrototypeOf(field, FakeElementClass.prototype);
		expect(press('ArrowRight', { target: field as unknown as EventTarget })).toBeNull();
		expect(press('Escape', { target: field as unknown as EventTarget }), 'Escape in a card does not leave the workshop').toBeNull();
		expect(leavesField({ key: 'Escape', target: field as unknown as EventTarget })).toBe(true);
		expect(leavesField({ key: 'Escape', target: null })).toBe(false);
	});

	it('leaves shortcuts with modifiers to the app and the system', () => {
		expect(press('s', { ctrlKey: true }), 'Ctrl+S is not the script toggle').toBeNull();
		expect(press('ArrowRight', { altKey: true })).toBeNull();
	});

	it('every action has a label for the legend and no key does two things', () => {
		const keys = FACILITATION_KEYS.flatMap((entry) => entry.keys);
		expect(new Set(keys).size).toBe(keys.length);
		for (const entry of FACILITATION_KEYS) expect(entry.label.length).toBeGreaterThan(0);
	});
});

describe('the step clock', () => {
	it('reads minutes and seconds, rounding up so 0:00 means time is up', () => {
		expect(formatClock(245_000)).toBe('4:05');
		expect(formatClock(9_001)).toBe('0:10');
		expect(formatClock(0)).toBe('0:00');
		expect(formatClock(-5_000), 'an overrun reads 0:00, not a negative time').toBe('0:00');
		expect(formatClock(3_600_000)).toBe('60:00');
	});

	it('says the time in words for a screen reader', () => {
		expect(spokenClock(245_000)).toBe('4 minutes 5 seconds left');
		expect(spokenClock(60_000)).toBe('1 minute left');
		expect(spokenClock(1_000)).toBe('1 second left');
		expect(spokenClock(-1)).toBe('Time is up');
	});

	it('counts down from the core’s answer only while running', () => {
		expect(remainingNow({ remainingMs: 60_000, running: true }, 1_500)).toBe(58_500);
		expect(remainingNow({ remainingMs: 60_000, running: false }, 1_500)).toBe(60_000);
	});
});

describe('the chime', () => {
	it('plays soft sine notes that fade in and out, from nothing fetched', () => {
		const ramps: number[] = [];
		const started: number[] = [];
		const node = () => ({ connect: vi.fn() });
		const audio = {
			currentTime: 10,
			destination: {},
			state: 'running',
			resume: vi.fn(),
			createOscillator: () => ({
				...node(),
				type: '',
				frequency: { value: 0 },
				start: (at: number) => started.push(at),
				stop: vi.fn()
			}),
			createGain: () => ({
				...node(),
				gain: {
					setValueAtTime: vi.fn(),
					exponentialRampToValueAtTime: (value: number) => ramps.push(value)
				}
			})
		};
		playChime(audio as unknown as Parameters<typeof playChime>[0]);
		expect(started.length).toBe(CHIME_NOTES.length);
		expect(Math.max(...ramps), 'never louder than the gentle peak').toBe(CHIME_PEAK);
		expect(CHIME_PEAK).toBeLessThanOrEqual(0.2);
		expect(audio.resume).not.toHaveBeenCalled();
	});

	it('stays silent without audio', () => {
		expect(() => playChime(null)).not.toThrow();
	});
});
