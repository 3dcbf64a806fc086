import type { Clock } from "./clock.ts"
import type { RunKey } from "./storage.ts"

/** Timers that fail waiting async steps when their timeout passes, at most one per step. */
export class DeadlineTimers {
  readonly #clock: Clock
  readonly #byRun = new Map<string, Map<string, () => void>>()

  constructor(clock: Clock) {
    this.#clock = clock
  }

  arm(run: RunKey, stepId: string, deadlineAt: number, onExpiry: () => void): void {
    const key = runKeyString(run)
    const timers = this.#byRun.get(key) ?? new Map<string, () => void>()
    if (timers.has(stepId)) return
    this.#byRun.set(key, timers)
    const cancel = this.#clock.setTimer(Math.max(0, deadlineAt - this.#clock.now()), () => {
      this.cancel(run, stepId)
      onExpiry()
    })
    timers.set(stepId, cancel)
  }

  cancel(run: RunKey, stepId: string): void {
    const key = runKeyString(run)
    const timers = this.#byRun.get(key)
    timers?.get(stepId)?.()
    timers?.delete(stepId)
    if (timers?.size === 0) this.#byRun.delete(key)
  }

  cancelRun(run: RunKey): void {
    if (this.#byRun.size === 0) return
    const key = runKeyString(run)
    for (const cancel of this.#byRun.get(key)?.values() ?? []) cancel()
    this.#byRun.delete(key)
  }
}

export function runKeyString(run: RunKey): string {
  // The length prefix keeps ids apart whatever characters they contain.
  return `${run.workflowId.length}:${run.workflowId}${run.transactionId}`
}
