/**
 * Time as the engine sees it. Injected so that retries, timeouts and leases can be tested in
 * milliseconds with a `ManualClock`, and never read from `Date` directly.
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number
  /** Calls `callback` after `delayMs`; returns a function that cancels it. */
  setTimer(delayMs: number, callback: () => void): () => void
}

/** Real time. Its timers do not keep the process alive. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(delayMs, callback) {
    const timer = setTimeout(callback, delayMs)
    timer.unref()
    return () => clearTimeout(timer)
  },
}

/** Resolves after `delayMs` of the clock's time, or rejects with the signal's reason once aborted. */
export function sleep(clock: Clock, delayMs: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) return reject(signal.reason)
    const onAbort = () => {
      cancel()
      reject(signal?.reason)
    }
    const cancel = clock.setTimer(delayMs, () => {
      signal?.removeEventListener("abort", onAbort)
      resolve()
    })
    signal?.addEventListener("abort", onAbort, { once: true })
  })
}
