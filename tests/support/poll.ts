/**
 * The e2e suites' one wait: read a state until it is the one wanted, or fail with what was last read.
 * The timeout only bounds the wait; it asserts no speed.
 */
const POLL_MS = 100;

export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (state: T) => boolean,
  failure: (last: T) => string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await read();
    if (done(state)) return state;
    if (Date.now() > deadline) throw new Error(failure(state));
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
