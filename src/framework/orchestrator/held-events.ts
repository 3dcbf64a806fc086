import { AsyncLocalStorage } from "node:async_hooks"

/** An event a step raised: held with the step's record, published only if the run succeeds. */
export type HeldEvent = {
  readonly id: string
  readonly name: string
  readonly data: unknown
  readonly metadata?: Readonly<Record<string, unknown>> | undefined
}

const buffers = new AsyncLocalStorage<HeldEvent[]>()

/** Runs a step attempt; events emitted meanwhile (through `currentEventBuffer`) land in `buffer`. */
export function holdEventsDuring<T>(buffer: HeldEvent[], work: () => T): T {
  return buffers.run(buffer, work)
}

/** Where an event emitted now must be held: the running step's buffer, or undefined outside a step. */
export function currentEventBuffer(): HeldEvent[] | undefined {
  return buffers.getStore()
}

/** A finished run's events: those of its completed steps, in the order the steps completed. */
export function eventsOfSteps(steps: Iterable<{ readonly status: string; readonly completionOrder: number | null; readonly events?: readonly HeldEvent[] | undefined }>): HeldEvent[] {
  const all = [...steps]
  if (!all.some((step) => step.events !== undefined && step.events.length > 0)) return []
  return all
    .filter((step) => step.status === "done" && step.events !== undefined && step.events.length > 0)
    .sort((a, b) => (a.completionOrder ?? 0) - (b.completionOrder ?? 0))
    .flatMap((step) => step.events ?? [])
}
