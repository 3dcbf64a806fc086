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
  const cutOff: StepRecord[] = []
  const finished: StepRecord[] = []
  for (const step of steps) {
    if (!UNDO_CANDIDATES.has(step.status) || step.attempts === 0) continue
    if (step.completionOrder === null) cutOff.push(step)
    else finished.push(step)
  }
  // Steps usually finish in the order they are listed: then no sort is needed, only a walk back.
  if (inCompletionOrder(finished)) {
    for (let i = finished.length - 1; i >= 0; i--) cutOff.push(finished[i] as StepRecord)
    return cutOff
  }
  return [...cutOff, ...finished.sort((a, b) => (b.completionOrder ?? 0) - (a.completionOrder ?? 0))]
}

function inCompletionOrder(steps: readonly StepRecord[]): boolean {
  for (let i = 1; i < steps.length; i++) if ((steps[i - 1]?.completionOrder ?? 0) >= (steps[i]?.completionOrder ?? 0)) return false
  return true
}
