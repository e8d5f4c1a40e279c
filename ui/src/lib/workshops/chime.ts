// The soft sound that says a step's time is up, made on the spot with the Web Audio API: two
// sine tones, a fifth apart, that fade in gently and ring out over two seconds. No audio file,
// nothing fetched; a machine without audio simply stays silent.

/** The notes of the chime in hertz (A4 and E5), the second starting a little after the first. */
export const CHIME_NOTES = [
	{ frequency: 440, delay: 0 },
	{ frequency: 659.25, delay: 0.35 }
] as const;

/** How loud the chime peaks (of 1) and how long each note rings, in seconds. */
export const CHIME_PEAK = 0.12;
export const CHIME_RING = 2.2;

type AudioContextLike = Pick<AudioContext, 'currentTime' | 'destination' | 'createOscillator' | 'createGain' | 'state' | 'resume'>;

let shared: AudioContextLike | null = null;

function context(): AudioContextLike | null {
	if (shared) return shared;
	const Context = globalThis.AudioContext;
	if (!Context) return null;
	try {
		shared = new Context();
	} catch {
		return null;
	}
	return shared;
}

/** Plays the chime on `audio` (the page's own context unless a test hands one in). */
export function playChime(audio: AudioContextLike | null = context()): void {
	if (!audio) return;
	if (audio.state === 'suspended') void audio.resume().catch(() => {});
	const start = audio.currentTime + 0.02;
	for (const { frequency, delay } of CHIME_NOTES) {
		const tone = audio.createOscillator();
		const level = audio.createGain();
		tone.type = 'sine';
		tone.frequency.value = frequency;
		const at = start + delay;
		// Start from silence, rise in 60 ms (no click), then fade out exponentially.
		level.gain.setValueAtTime(0.0001, at);
		level.gain.exponentialRampToValueAtTime(CHIME_PEAK, at + 0.06);
		level.gain.exponentialRampToValueAtTime(0.0001, at + CHIME_RING);
		tone.connect(level);
		level.connect(audio.destination);
		tone.start(at);
		tone.stop(at + CHIME_RING + 0.05);
	}
}
