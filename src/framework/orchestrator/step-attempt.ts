import type { Clock } from "./clock.ts"
import { StepTimeoutError } from "./errors.ts"
import type { StepNode, StepPolicy } from "./graph.ts"
import { StepStatus } from "./states.ts"
import type { StepRecord } from "./storage.ts"

/** Milliseconds to wait before attempt `failedAttempts + 1`. */
export function retryDelayMs(policy: StepPolicy, failedAttempts: number): number {
  const base = policy.retryInterval * 1000
  return policy.backoff === "exponential" ? base * 2 ** (failedAttempts - 1) : base
}

/** Rejects with `StepTimeoutError` when the step's `timeout` passes first. (`work` may be a plain value: a handler need not be async.) */
export function withStepTimeout<T>(clock: Clock, node: StepNode, work: T | Promise<T>): T | Promise<T> {
  const timeout = node.policy.timeout
  if (timeout === undefined) return work
  return new Promise<T>((resolve, reject) => {
    const cancel = clock.setTimer(timeout * 1000, () => reject(new StepTimeoutError(node.id, timeout)))
    Promise.resolve(work).then(
      (value) => {
        cancel()
        resolve(value)
      },
      (error: unknown) => {
        cancel()
        reject(error)
      },
    )
  })
}

export function pendingStepRecord(stepId: string): StepRecord {
  return {
    stepId,
    status: StepStatus.PENDING,
    attempts: 0,
    output: undefined,
    compensationInput: undefined,
    error: null,
    startedAt: null,
    finishedAt: null,
    completionOrder: null,
    nextAttemptAt: null,
    deadlineAt: null,
    compensationAttempts: 0,
  }
}
