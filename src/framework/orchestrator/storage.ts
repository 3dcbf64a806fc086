import type { SerializedError } from "./errors.ts"
import type { HeldEvent } from "./held-events.ts"
import type { StepAction, WorkflowRunContext } from "./graph.ts"
import type { StepStatus, WorkflowState } from "./states.ts"

/**
 * Where runs are kept. The engine calls it once per step boundary, so a run can be resumed (or
 * compensated) by any engine sharing the storage after its owner died. Records are plain data and
 * never mutated after they are handed over: an implementation may keep them as they are, or
 * serialise them (a PostgreSQL one stores JSON columns for input, context, output and errors).
 */
export interface WorkflowStorage {
  /**
   * Inserts a run unless one exists for (workflowId, transactionId): the unique key that makes a
   * transaction id execute once. Returns the existing run otherwise.
   */
  create(execution: ExecutionRecord): Promise<CreateRunResult>
  load(workflowId: string, transactionId: string): Promise<StoredRun | undefined>
  /**
   * Applies one step boundary atomically: the step record (upserted by stepId) and the run's
   * changed fields. Refreshes the run's heartbeat to `at` (unless `refreshHeartbeatBefore` says the
   * stored one is recent enough). Must throw `OwnershipLostError` when the run is owned by another
   * engine than `owner` (a stale engine must not overwrite a newer one).
   * A checkpoint that releases the run (`execution.owner` null: its end, its parking, a dead letter)
   * is what callers are told, and must be durable when the call returns. Any other may be made
   * durable later, by the storage's next durable write, if losing it (in a crash of the storage)
   * loses everything written after it too: the run then resumes before it, as after a crash of
   * the engine there (PostgreSQL's asynchronous commit, whose WAL is one sequence).
   * A storage whose write is done when the call returns may return `WRITTEN`.
   */
  checkpoint(checkpoint: Checkpoint): Promise<void>
  /**
   * Makes `owner` the run's owner if it has none, already is it, or the current owner's heartbeat
   * is older than `staleBefore`; taking it from another owner counts one `recoveryAttempts`.
   * Returns the run as stored, or undefined when it is owned elsewhere or does not exist.
   */
  acquire(request: AcquireRequest): Promise<StoredRun | undefined>
  /** Runs to pick up after a restart: active ones whose owner went quiet, and parked ones. */
  listRecoverable(query: { readonly staleBefore: number; readonly limit: number }): Promise<RunKey[]>
  /** Deletes finished runs whose `retainUntil` has passed. Returns how many went. */
  deleteExpired(now: number): Promise<number>
  /** A run by its `id`, for operators (the admin API). */
  loadById(id: string): Promise<StoredRun | undefined>
  /** Runs for operators, newest first, with the total that matches. */
  list(query: ListRunsQuery): Promise<{ runs: ExecutionRecord[]; count: number }>
}

/**
 * What `checkpoint` may return when its write is already done (a storage in this process, as the
 * memory one): the engine then goes on at once instead of waiting a microtask per step boundary.
 */
export const WRITTEN: Promise<void> = Promise.resolve()

export type ListRunsQuery = {
  readonly workflowId?: readonly string[] | undefined
  readonly transactionId?: readonly string[] | undefined
  readonly state?: readonly WorkflowState[] | undefined
  readonly take: number
  readonly skip: number
}

export type RunKey = { readonly workflowId: string; readonly transactionId: string }

export type CreateRunResult =
  | { readonly created: true }
  | { readonly created: false; readonly existing: StoredRun }

export type StoredRun = { readonly execution: ExecutionRecord; readonly steps: readonly StepRecord[] }

export type AcquireRequest = RunKey & {
  readonly owner: string
  readonly staleBefore: number
  readonly now: number
}

export type Checkpoint = RunKey & {
  readonly owner: string
  /** Clock time of the boundary (epoch ms). */
  readonly at: number
  /**
   * When set, the heartbeat moves to `at` only if the stored one is older than this (epoch ms);
   * otherwise it is left as it is. Unset, it always moves. A heartbeat that does not move leaves
   * the run's indexed columns alone, so PostgreSQL can update the row in place (a HOT update).
   */
  readonly refreshHeartbeatBefore?: number | undefined
  readonly execution?: ExecutionPatch | undefined
  readonly step?: StepRecord | undefined
  /**
   * Step records that waited for the run's next write instead of making one of their own: steps
   * skipped (a condition that was false, a hook without handler) and steps that ended but may run
   * again (`StepPolicy.rerunnable`: read-only or idempotent), so a run resumed before this write
   * runs them again. Written before `step`.
   */
  readonly deferred?: readonly StepRecord[] | undefined
  /**
   * The run's events, handed to the event bus's outbox with this (final) checkpoint, atomically
   * where the storage can: a run that is done has published its events, and no other run has.
   */
  readonly publish?: readonly HeldEvent[] | undefined
}

/** The fields of a run that change after it is created. */
export type ExecutionPatch = Partial<
  Pick<ExecutionRecord, "state" | "result" | "errors" | "owner" | "retainUntil" | "finishedAt">
>

/** A run of a workflow: one row per (workflowId, transactionId). */
export type ExecutionRecord = RunKey & {
  /** `wf_exec_<ulid>`: how operators name a run. */
  readonly id: string
  readonly state: WorkflowState
  readonly input: unknown
  readonly context: WorkflowRunContext
  readonly result: unknown
  readonly errors: readonly StoredStepError[]
  /** The engine working on the run; null while it is parked or finished. */
  readonly owner: string | null
  /** Last time the owner checkpointed (epoch ms): an owner that stays quiet is presumed dead. */
  readonly heartbeatAt: number
  /** Times another engine took the run over from a silent owner: too many, and it is dead-lettered. */
  readonly recoveryAttempts: number
  /** Set for a workflow run as a step of another (`runAsStep`). */
  readonly parent: RunKey & { readonly stepId: string } | null
  /** After this (epoch ms) a finished run may be deleted; null while it runs. */
  readonly retainUntil: number | null
  readonly createdAt: number
  readonly updatedAt: number
  readonly finishedAt: number | null
}

export type StoredStepError = {
  readonly stepId: string
  readonly action: StepAction
  readonly error: SerializedError
}

/** One step of a run: one row per (workflowId, transactionId, stepId). */
export type StepRecord = {
  readonly stepId: string
  readonly status: StepStatus
  /** Invoke attempts started so far. */
  readonly attempts: number
  readonly output: unknown
  readonly compensationInput: unknown
  readonly error: SerializedError | null
  readonly startedAt: number | null
  readonly finishedAt: number | null
  /** Rank among the run's finished steps (done or failed): compensation walks it backwards. */
  readonly completionOrder: number | null
  /** When a retrying step's next attempt is due (epoch ms). */
  readonly nextAttemptAt: number | null
  /** When a waiting async step times out (epoch ms). */
  readonly deadlineAt: number | null
  readonly compensationAttempts: number
  /** Events the step raised, published when the run succeeds (dropped if it rolls back). */
  readonly events?: readonly HeldEvent[] | undefined
}
