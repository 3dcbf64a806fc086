import { AsyncLocalStorage } from "node:async_hooks"

/** An event a step raised: held with the step's record, published only if the run succeeds. */
export type HeldEvent = {
  readonly id: string
  readonly name: string
  readonly data: unknown
  readonly metadata?: Readonly<Record<string, unknown>> | undefined
}

const buffers = new AsyncLocalStorage<HeldEvent[]>()
let eventsCanBeEmitted = false

/**
 * Called by an event bus when it is created. Until one exists nothing can emit an event, so step
 * attempts run without an async context of their own (entering one costs more than a no-op step).
 */
export function enableEventHolding(): void {
  eventsCanBeEmitted = true
}

/** A new buffer for a step attempt's events; undefined while no event bus exists (nothing to hold). */
export function eventBufferForAttempt(): HeldEvent[] | undefined {
  return eventsCanBeEmitted ? [] : undefined
}

/** Runs a step attempt; events emitted meanwhile (through `currentEventBuffer`) land in `buffer`. */
export function holdEventsDuring<T>(buffer: HeldEvent[] | undefined, work: () => T): T {
  return buffer === undefined ? work() : buffers.run(buffer, work)
}

/**
 * Where an event emitted now must be held: the running step's buffer, or undefined outside a step.
 * An event bus that calls this must have called `enableEventHolding()` when it was created.
 */
export function currentEventBuffer(): HeldEvent[] | undefined {
  return buffers.getStore()
}

/** A finished run's events: those of its completed steps, in the order the steps completed. */
export function eventsOfSteps(steps: Iterable<{ readonly status: string; readonly completionOrder: number | null; readonly events?: readonly HeldEvent[] | undefined }>): HeldEvent[] {
  let raising: { readonly completionOrder: number | null; readonly events?: readonly HeldEvent[] | undefined }[] | undefined
  for (const step of steps) {
    if (step.status === "done" && step.events !== undefined && step.events.length > 0) (raising ??= []).push(step)
  }
  if (raising === undefined) return []
  return raising.sort((a, b) => (a.completionOrder ?? 0) - (b.completionOrder ?? 0)).flatMap((step) => step.events ?? [])
}
