import type { ExecutionRecord, StepRecord } from "../../../framework/orchestrator/index.ts"

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

/** A run as the admin API shows it: snake_case, ISO times. */
export function executionToWire(execution: ExecutionRecord, fields: readonly string[]): Record<string, unknown> {
  const all: Record<string, unknown> = {
    id: execution.id,
    workflow_id: execution.workflowId,
    transaction_id: execution.transactionId,
    state: execution.state,
    input: execution.input ?? null,
    context: execution.context,
    result: execution.result ?? null,
    errors: execution.errors.map((e) => ({ step_id: e.stepId, action: e.action, error: e.error })),
    owner: execution.owner,
    recovery_attempts: execution.recoveryAttempts,
    parent:
      execution.parent === null
        ? null
        : { workflow_id: execution.parent.workflowId, transaction_id: execution.parent.transactionId, step_id: execution.parent.stepId },
    created_at: iso(execution.createdAt),
    updated_at: iso(execution.updatedAt),
    finished_at: iso(execution.finishedAt),
    retain_until: iso(execution.retainUntil),
  }
  return Object.fromEntries(fields.filter((field) => field in all).map((field) => [field, all[field]]))
}

export function stepToWire(step: StepRecord): Record<string, unknown> {
  return {
    step_id: step.stepId,
    status: step.status,
    attempts: step.attempts,
    compensation_attempts: step.compensationAttempts,
    started_at: iso(step.startedAt),
    finished_at: iso(step.finishedAt),
    duration_ms: step.startedAt === null || step.finishedAt === null ? null : step.finishedAt - step.startedAt,
    next_attempt_at: iso(step.nextAttemptAt),
    deadline_at: iso(step.deadlineAt),
    error: step.error,
  }
}
