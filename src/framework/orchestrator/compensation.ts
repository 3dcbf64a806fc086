import { sleep } from "./clock.ts"
import { compensationOrder } from "./compensation-order.ts"
import type { StepNode } from "./graph.ts"
import { childTransactionId, type RunState } from "./run-state.ts"
import { StepStatus, WorkflowState } from "./states.ts"
import { retryDelayMs } from "./step-attempt.ts"
import { WRITTEN, type StepRecord } from "./storage.ts"

/**
 * Undoes a failed run: every step that ran, latest first, each with its retries. Stops at the
 * first compensation that keeps failing, so nothing is undone out of order: the run then ends
 * `compensation_failed` with the error recorded, for an operator to finish.
 *
 * A compensation's start is written with its end only: a run resumed after a crash compensates
 * an unfinished step again anyway. (The first attempt of each step runs in this loop: one async
 * frame per run rather than one per step.)
 */
export async function compensateRun(run: RunState): Promise<void> {
  run.services.cancelDeadlines(run.key)
  for (const record of compensationOrder(run.steps.values())) {
    const node = run.nodes.get(record.stepId)
    if (node === undefined || !hasCompensation(node)) continue
    const attempts = record.compensationAttempts + 1
    try {
      await undo(run, node, record, attempts)
      const written = compensated(run, node, record, attempts)
      if (written !== WRITTEN) await written
    } catch (error) {
      if (!(await retryCompensation(run, node, record, attempts, error))) return
    }
  }
  const finished = run.finish(WorkflowState.FAILED)
  if (finished !== WRITTEN) await finished
}

/**
 * Undoes, latest first, what the lapsing steps of a run that was never created did: with no run
 * stored there is nothing to write, and no recovery would ever undo it. One attempt each; a
 * compensation that fails is reported, and what it left lapses by itself.
 */
export async function undoLapsingSteps(run: RunState, onError: (error: unknown) => void): Promise<void> {
  for (const record of compensationOrder(run.steps.values())) {
    const node = run.nodes.get(record.stepId)
    if (node === undefined || !node.policy.lapses) continue
    try {
      await node.handlers()?.compensate?.(record.compensationInput, run.context(node.id, 1, "compensate"))
    } catch (error) {
      onError(error)
    }
  }
}

/** Whether rolling `node` back does anything: a compensation of its own, or its nested run's. */
export function hasCompensation(node: StepNode): boolean {
  return node.workflow !== undefined || node.handlers()?.compensate !== undefined
}

/** One attempt of a step's compensation (a nested workflow rolls back as a whole). */
function undo(run: RunState, node: StepNode, record: StepRecord, attempt: number): unknown {
  const child = node.workflow
  if (child !== undefined) {
    const transactionId = childTransactionId(run.execution.transactionId, node.id)
    return run.services.compensateChild({ workflowId: child.id, transactionId }, run.container)
  }
  run.services.crashPoint?.(`before-compensate:${node.id}`)
  return node.handlers()?.compensate?.(record.compensationInput, run.context(node.id, attempt, "compensate"))
}

function compensated(run: RunState, node: StepNode, record: StepRecord, attempts: number): Promise<void> {
  run.services.crashPoint?.(`after-compensate:${node.id}`)
  return run.saveStep({ ...record, status: StepStatus.COMPENSATED, compensationAttempts: attempts })
}

/** After a failed first attempt: the compensation's retries. False when it kept failing (the run has then been ended). */
async function retryCompensation(run: RunState, node: StepNode, record: StepRecord, firstAttempt: number, firstError: unknown): Promise<boolean> {
  let attempts = firstAttempt
  let error = firstError
  for (let failures = 1; failures <= node.policy.compensationMaxRetries; failures++) {
    const delay = retryDelayMs(node.policy, failures)
    if (delay > 0) await sleep(run.services.clock, delay)
    attempts++
    try {
      await undo(run, node, record, attempts)
      await compensated(run, node, record, attempts)
      return true
    } catch (again) {
      error = again
    }
  }
  const { errors } = run.recordError(node.id, "compensate", error)
  await run.finish(WorkflowState.COMPENSATION_FAILED, { errors }, undefined, {
    ...record,
    status: StepStatus.COMPENSATION_FAILED,
    compensationAttempts: attempts,
  })
  return false
}
