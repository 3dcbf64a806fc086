import { sleep } from "./clock.ts"
import { compensationOrder } from "./compensation-order.ts"
import type { StepNode } from "./graph.ts"
import { childTransactionId, type RunState } from "./run-state.ts"
import { StepStatus, WorkflowState } from "./states.ts"
import { retryDelayMs } from "./step-attempt.ts"
import type { StepRecord } from "./storage.ts"

/**
 * Undoes a failed run: every step that ran, latest first, each with its retries. Stops at the
 * first compensation that keeps failing, so nothing is undone out of order: the run then ends
 * `compensation_failed` with the error recorded, for an operator to finish.
 */
export async function compensateRun(run: RunState): Promise<void> {
  run.services.cancelDeadlines(run.key)
  for (const record of compensationOrder(run.steps.values())) {
    const node = run.nodes.get(record.stepId)
    if (node !== undefined && !(await compensateStep(run, node, record))) return
  }
  await run.checkpoint({ execution: run.finishPatch(WorkflowState.FAILED) })
}

/** False when the compensation kept failing (the run has then been ended). */
async function compensateStep(run: RunState, node: StepNode, record: StepRecord): Promise<boolean> {
  const child = node.workflow
  const compensate = child === undefined ? node.handlers()?.compensate : undefined
  if (child === undefined && compensate === undefined) return true
  let attempts = record.compensationAttempts
  for (let failures = 0; ; ) {
    attempts++
    run.markStarted({ ...run.step(node.id), status: StepStatus.COMPENSATING, compensationAttempts: attempts })
    try {
      if (child !== undefined) {
        const transactionId = childTransactionId(run.execution.transactionId, node.id)
        await run.services.compensateChild({ workflowId: child.id, transactionId }, run.container)
      } else {
        run.services.crashPoint(`before-compensate:${node.id}`)
        await compensate?.(record.compensationInput, run.context(node.id, attempts, "compensate"))
      }
      run.services.crashPoint(`after-compensate:${node.id}`)
      await run.saveStep({ ...run.step(node.id), status: StepStatus.COMPENSATED })
      return true
    } catch (error) {
      failures++
      if (failures <= node.policy.compensationMaxRetries) {
        const delay = retryDelayMs(node.policy, failures)
        if (delay > 0) await sleep(run.services.clock, delay)
        continue
      }
      const errors = run.recordError(node.id, "compensate", error)
      await run.checkpoint({
        step: { ...run.step(node.id), status: StepStatus.COMPENSATION_FAILED },
        execution: run.finishPatch(WorkflowState.COMPENSATION_FAILED, { errors }),
      })
      return false
    }
  }
}
