/**
 * Polls `read` until `accept` holds for its value, then returns that value. A test that waits for
 * another process's background work (a recovery, a takeover) waits for the state it needs, not for a
 * fixed time that a busy machine may overrun. After `timeoutMs` it returns the last value read, so
 * the test's own assertion names what was wrong.
 */
export async function waitUntil<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (accept(value) || Date.now() >= deadline) return value
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
