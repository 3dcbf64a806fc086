import type { Clock } from "./clock.ts"

type Timer = { at: number; order: number; callback: () => void }

/**
 * A clock that moves only when told to. `settle(promise)` lets a run proceed through its retry
 * waits and timeouts in a few milliseconds of real time.
 */
export class ManualClock implements Clock {
  #now: number
  #order = 0
  #timers: Timer[] = []

  constructor(startAt = Date.UTC(2026, 0, 1)) {
    this.#now = startAt
  }

  now(): number {
    return this.#now
  }

  setTimer(delayMs: number, callback: () => void): () => void {
    const timer: Timer = { at: this.#now + Math.max(0, delayMs), order: this.#order++, callback }
    this.#timers.push(timer)
    this.#timers.sort((a, b) => a.at - b.at || a.order - b.order)
    return () => {
      this.#timers = this.#timers.filter((t) => t !== timer)
    }
  }

  /** Timers not yet fired. */
  get pendingTimers(): number {
    return this.#timers.length
  }

  /** Moves time forward by `ms`, firing due timers in order and letting the work they start run. */
  async advance(ms: number): Promise<void> {
    const target = this.#now + ms
    await flushAsyncWork()
    for (let next = this.#timers[0]; next !== undefined && next.at <= target; next = this.#timers[0]) {
      this.#fire(next)
      await flushAsyncWork()
    }
    this.#now = target
  }

  /**
   * Runs the clock from timer to timer until `promise` settles, and returns its outcome. Throws if
   * the promise is still pending with no timer left, which would otherwise hang the test.
   */
  async settle<T>(promise: Promise<T>): Promise<T> {
    let settled = false
    const tracked = promise.finally(() => {
      settled = true
    })
    tracked.catch(() => {})
    await flushAsyncWork()
    while (!settled) {
      const next = this.#timers[0]
      if (next === undefined) throw new Error("ManualClock.settle: the promise is pending and no timer is left")
      this.#fire(next)
      await flushAsyncWork()
    }
    return tracked
  }

  #fire(timer: Timer): void {
    this.#timers.shift()
    this.#now = Math.max(this.#now, timer.at)
    timer.callback()
  }
}

/** Lets every promise continuation queued so far run (a macrotask runs after all microtasks). */
function flushAsyncWork(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
