import type { SerializedError } from "../errors.ts"
import type { HeldEvent } from "../held-events.ts"
import type { WorkflowRunContext } from "../graph.ts"
import type { StepStatus, WorkflowState } from "../states.ts"
import type { ExecutionRecord, StepRecord, StoredStepError } from "../storage.ts"

/**
 * Columns as they are read: JSON as text (so SQL null, "no value", stays apart from JSON null)
 * and times as epoch milliseconds.
 */
export const EXECUTION_COLUMNS = `"id", "workflow_id", "transaction_id", "state", "input"::text as "input",
  "context"::text as "context", "result"::text as "result", "errors"::text as "errors", "owner",
  ${epochMs("heartbeat_at")}, "recovery_attempts", "parent_workflow_id", "parent_transaction_id", "parent_step_id",
  ${epochMs("retain_until")}, ${epochMs("created_at")}, ${epochMs("updated_at")}, ${epochMs("finished_at")}`

export const STEP_COLUMNS = `"step_id", "status", "attempts", "output"::text as "output",
  "compensation_input"::text as "compensation_input", "error"::text as "error", ${epochMs("started_at")},
  ${epochMs("finished_at")}, "completion_order", ${epochMs("next_attempt_at")}, ${epochMs("deadline_at")},
  "compensation_attempts", "events"::text as "events"`

function epochMs(column: string): string {
  return `(extract(epoch from "${column}") * 1000)::float8 as "${column}"`
}

/** A time parameter: `${TIMESTAMP}` in SQL, epoch ms (or null) as its value. */
export const TIMESTAMP = "to_timestamp(?::float8 / 1000)"

export type ExecutionRow = {
  id: string
  workflow_id: string
  transaction_id: string
  state: string
  input: string | null
  context: string
  result: string | null
  errors: string
  owner: string | null
  heartbeat_at: number
  recovery_attempts: number
  parent_workflow_id: string | null
  parent_transaction_id: string | null
  parent_step_id: string | null
  retain_until: number | null
  created_at: number
  updated_at: number
  finished_at: number | null
}

export type StepRow = {
  step_id: string
  status: string
  attempts: number
  output: string | null
  compensation_input: string | null
  error: string | null
  started_at: number | null
  finished_at: number | null
  completion_order: number | null
  next_attempt_at: number | null
  deadline_at: number | null
  compensation_attempts: number
  events: string | null
}

/** A value as a jsonb parameter: undefined is SQL null; anything JSON cannot hold fails here. */
export function toJson(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value)
}

function fromJson(text: string | null): unknown {
  return text === null ? undefined : JSON.parse(text)
}

export function executionFromRow(row: ExecutionRow): ExecutionRecord {
  const parent =
    row.parent_workflow_id === null || row.parent_transaction_id === null || row.parent_step_id === null
      ? null
      : { workflowId: row.parent_workflow_id, transactionId: row.parent_transaction_id, stepId: row.parent_step_id }
  return {
    id: row.id,
    workflowId: row.workflow_id,
    transactionId: row.transaction_id,
    state: row.state as WorkflowState,
    input: fromJson(row.input),
    context: fromJson(row.context) as WorkflowRunContext,
    result: fromJson(row.result),
    errors: fromJson(row.errors) as StoredStepError[],
    owner: row.owner,
    heartbeatAt: row.heartbeat_at,
    recoveryAttempts: row.recovery_attempts,
    parent,
    retainUntil: row.retain_until,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  }
}

export function stepFromRow(row: StepRow): StepRecord {
  return {
    stepId: row.step_id,
    status: row.status as StepStatus,
    attempts: row.attempts,
    output: fromJson(row.output),
    compensationInput: fromJson(row.compensation_input),
    error: (fromJson(row.error) as SerializedError | undefined) ?? null,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    completionOrder: row.completion_order,
    nextAttemptAt: row.next_attempt_at,
    deadlineAt: row.deadline_at,
    compensationAttempts: row.compensation_attempts,
    ...(row.events === null ? {} : { events: fromJson(row.events) as HeldEvent[] }),
  }
}
