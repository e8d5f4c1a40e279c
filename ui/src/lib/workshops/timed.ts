// A read of something that counts down: the answer together with the moment it arrived, so a
// view can count on from what the core said.

export type Timed<T> = { value: T; readAt: number };

export async function timed<T>(read: Promise<T>): Promise<Timed<T>> {
	const value = await read;
	return { value, readAt: performance.now() };
}
