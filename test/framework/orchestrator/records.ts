import { WorkflowState, type ExecutionRecord, type StepRecord } from "../../../src/framework/orchestrator/index.ts"

/** A run as `create()` stores it: invoking, owned by `owner`, with the given overrides. */
export function executionRecord(overrides: Partial<ExecutionRecord> & Pick<ExecutionRecord, "id" | "transactionId">): ExecutionRecord {
  return {
    workflowId: "wf",
    state: WorkflowState.INVOKING,
    input: undefined,
    context: { workflowId: overrides.workflowId ?? "wf", transactionId: overrides.transactionId },
    result: undefined,
    errors: [],
    owner: "engine",
    heartbeatAt: 1000,
    recoveryAttempts: 0,
    parent: null,
    retainUntil: null,
    createdAt: 1000,
    updatedAt: 1000,
    finishedAt: null,
    ...overrides,
  }
}

/** A step that finished once, with the given overrides. */
export function stepRecord(stepId: string, overrides: Partial<StepRecord> = {}): StepRecord {
  return {
    stepId,
    status: "done",
    attempts: 1,
    output: { value: 1 },
    compensationInput: 1,
    error: null,
    startedAt: 1000,
    finishedAt: 1001,
    completionOrder: 1,
    nextAttemptAt: null,
    deadlineAt: null,
    compensationAttempts: 0,
    ...overrides,
  }
}
