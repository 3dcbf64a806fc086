import { StepStatus } from "./states.ts"
import type { StepRecord } from "./storage.ts"

/** Statuses of steps whose handler ran (or may have run) and was not undone yet. */
const UNDO_CANDIDATES: ReadonlySet<string> = new Set([
  StepStatus.DONE,
  StepStatus.FAILED,
  StepStatus.INVOKING,
  StepStatus.RETRYING,
  StepStatus.WAITING,
  StepStatus.COMPENSATING,
  StepStatus.COMPENSATION_FAILED,
])

/**
 * The steps to compensate, latest first: steps cut off mid-flight, then finished ones in reverse
 * order of completion. A failed step is included (its compensation gets `undefined`) so it can
 * undo partial work; one that failed before its handler ever ran is not.
 */
export function compensationOrder(steps: Iterable<StepRecord>): StepRecord[] {
  return [...steps]
    .filter((step) => UNDO_CANDIDATES.has(step.status) && step.attempts > 0)
    .sort((a, b) => rank(b) - rank(a))
}

function rank(step: StepRecord): number {
  return step.completionOrder ?? Number.MAX_SAFE_INTEGER
}
