import { deserializeError, type WorkflowStepError } from "./errors.ts"
import type { WorkflowState } from "./states.ts"
import type { ExecutionRecord, StepRecord, StoredRun } from "./storage.ts"

/** A run as its caller sees it once the engine lets go of it (finished or parked). */
export type RunReport = {
  readonly state: WorkflowState
  readonly result: unknown
  readonly errors: readonly WorkflowStepError[]
  readonly transaction: TransactionSnapshot
}

export type TransactionSnapshot = {
  readonly workflowId: string
  readonly transactionId: string
  readonly state: WorkflowState
  readonly execution: ExecutionRecord
  /** Step records by step id. */
  readonly steps: Readonly<Record<string, StepRecord>>
}

export function snapshotOf(execution: ExecutionRecord, steps: Iterable<StepRecord>): TransactionSnapshot {
  const byId: Record<string, StepRecord> = {}
  for (const step of steps) byId[step.stepId] = step
  return {
    workflowId: execution.workflowId,
    transactionId: execution.transactionId,
    state: execution.state,
    execution,
    steps: byId,
  }
}

/** The report of a run read back from storage: its errors are rebuilt from their stored form. */
export function reportFromStored(run: StoredRun): RunReport {
  return {
    state: run.execution.state,
    result: run.execution.result,
    errors: run.execution.errors.map((e) => ({ stepId: e.stepId, action: e.action, error: deserializeError(e.error) })),
    transaction: snapshotOf(run.execution, run.steps),
  }
}
