export { WorkflowEngine } from "./engine.ts"
export { WORKFLOW_ENGINE_KEY, type WorkflowEngineOptions, type StartRunOptions } from "./engine-options.ts"
export { WorkflowState, StepStatus, ACTIVE_WORKFLOW_STATES, FINAL_WORKFLOW_STATES, isFinalState } from "./states.ts"
export type {
  WorkflowGraph,
  StepNode,
  StepKind,
  StepPolicy,
  RetryBackoff,
  StepHandlers,
  StepOutcome,
  StepAction,
  StepInvocationContext,
  StepMetadata,
  WorkflowRunContext,
  ValueScope,
  ConditionInfo,
} from "./graph.ts"
export type {
  WorkflowStorage,
  RunKey,
  CreateRunResult,
  StoredRun,
  AcquireRequest,
  Checkpoint,
  ExecutionPatch,
  ExecutionRecord,
  StepRecord,
  StoredStepError,
  ListRunsQuery,
} from "./storage.ts"
export { MemoryWorkflowStorage, type MemoryWorkflowStorageOptions } from "./memory-storage.ts"
export { systemClock, sleep, type Clock } from "./clock.ts"
export { ManualClock } from "./manual-clock.ts"
export {
  PermanentStepError,
  StepTimeoutError,
  NestedWorkflowError,
  OwnershipLostError,
  WorkflowError,
  StepNotWaitingError,
  serializeError,
  deserializeError,
  type SerializedError,
  type WorkflowStepError,
} from "./errors.ts"
export { formatIdempotencyKey, parseIdempotencyKey, type StepKey } from "./idempotency-key.ts"
export type { RunReport, TransactionSnapshot } from "./run-report.ts"
export { workflowToMermaid } from "./mermaid.ts"
export { RecoveryLoop } from "./recovery-loop.ts"
export { PostgresWorkflowStorage, type SqlQuery } from "./postgres/postgres-storage.ts"
export { WORKFLOW_MIGRATIONS_DIR } from "./postgres/migrations-dir.ts"
export { currentEventBuffer, enableEventHolding, holdEventsDuring, type HeldEvent } from "./held-events.ts"
