import type { StepAction } from "./graph.ts"
import type { WorkflowState } from "./states.ts"
import type { StoredRun } from "./storage.ts"

/**
 * Thrown by a step to fail at once, without its remaining retries. Its `compensateInput` is what
 * the step's own compensation receives (to undo partial work).
 */
export class PermanentStepError extends Error {
  readonly compensateInput: unknown
  constructor(message: string, options?: ErrorOptions & { compensateInput?: unknown }) {
    super(message, options)
    this.name = "PermanentStepError"
    this.compensateInput = options?.compensateInput
  }
}

/** A step attempt, or an async step's wait, outlived its `timeout`. Never retried. */
export class StepTimeoutError extends Error {
  readonly stepId: string
  constructor(stepId: string, timeoutSeconds: number) {
    super(`Step "${stepId}" timed out after ${timeoutSeconds}s`)
    this.name = "StepTimeoutError"
    this.stepId = stepId
  }
}

/** A workflow run as a step (`runAsStep`) failed; it has already compensated its own steps. */
export class NestedWorkflowError extends Error {
  readonly workflowId: string
  readonly state: WorkflowState
  constructor(workflowId: string, state: WorkflowState, cause: Error | undefined) {
    super(`Nested workflow "${workflowId}" ended ${state}${cause === undefined ? "" : `: ${cause.message}`}`, { cause })
    this.name = "NestedWorkflowError"
    this.workflowId = workflowId
    this.state = state
  }
}

/** Errors that retrying cannot fix. */
export function isRetryable(error: unknown): boolean {
  return !(error instanceof PermanentStepError || error instanceof StepTimeoutError || error instanceof NestedWorkflowError)
}

/** Anything thrown, as an Error (a step may throw a string). */
export function asError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(typeof thrown === "string" ? thrown : String(thrown))
}

/** Another engine took the run over (its lease had expired): this one must stop touching it. */
export class OwnershipLostError extends Error {
  constructor(workflowId: string, transactionId: string) {
    super(`Run ${workflowId}/${transactionId} is now owned by another engine`)
    this.name = "OwnershipLostError"
  }
}

/**
 * The run's creation found a run under its transaction id: what this engine started before
 * knowing (read-only steps) is dropped, and the run found is answered instead.
 */
export class RunExistsError extends Error {
  readonly existing: StoredRun
  constructor(existing: StoredRun) {
    super(`Run ${existing.execution.workflowId}/${existing.execution.transactionId} exists`)
    this.name = "RunExistsError"
    this.existing = existing
  }
}

/** An error as stored with a run: plain data, so any storage can keep it. */
export type SerializedError = {
  readonly name: string
  readonly message: string
  readonly stack?: string | undefined
  /** Kept so that typed errors (e.g. `{ type: "not_found" }`) survive a trip through storage. */
  readonly type?: string | undefined
  readonly code?: string | undefined
}

const ORIGINAL = Symbol("original error")
type Serializing = { name: string; message: string; type?: string | undefined; code?: string | undefined; [ORIGINAL]?: Error }

/**
 * Formatting a stack costs more than a whole step: `stack` is a getter that formats it only when
 * something reads it (a storage that writes it, the admin API), never for a run kept in memory
 * and dropped. One getter shared by every serialized error, reading the error from a hidden
 * property: a getter written in an object literal would be a new function per error, which
 * turns each object into a dictionary that the garbage collector keeps, with the error's stack
 * frames and the run they point to, until its next full collection.
 */
function formattedStack(this: Serializing): string | undefined {
  return this[ORIGINAL]?.stack
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) {
    const { type, code } = error as Error & { type?: unknown; code?: unknown }
    const serialized: Serializing = { name: error.name, message: error.message }
    Object.defineProperty(serialized, "stack", { get: formattedStack, enumerable: true, configurable: true })
    Object.defineProperty(serialized, ORIGINAL, { value: error })
    serialized.type = typeof type === "string" ? type : undefined
    serialized.code = typeof code === "string" ? code : undefined
    return serialized
  }
  return { name: "Error", message: typeof error === "string" ? error : JSON.stringify(error) ?? String(error) }
}

/** Rebuilds an Error from its stored form (the original class is not recoverable). */
export function deserializeError(stored: SerializedError): Error {
  const error = new Error(stored.message) as Error & { type?: string; code?: string }
  error.name = stored.name
  if (stored.stack !== undefined) error.stack = stored.stack
  if (stored.type !== undefined) error.type = stored.type
  if (stored.code !== undefined) error.code = stored.code
  return error
}

/** One failure of a run: which step, in which phase, and why. */
export type WorkflowStepError = {
  readonly stepId: string
  readonly action: StepAction
  readonly error: Error
}

/**
 * What `run()` throws when a run fails. `cause` is the failing step's own error (a typed framework
 * error keeps its `type` there); `errors` lists every failure, compensations included.
 */
export class WorkflowError extends Error {
  readonly workflowId: string
  readonly transactionId: string
  readonly state: WorkflowState
  readonly stepId: string
  readonly errors: readonly WorkflowStepError[]

  constructor(args: {
    workflowId: string
    transactionId: string
    state: WorkflowState
    errors: readonly WorkflowStepError[]
  }) {
    const first = args.errors[0]
    const stepId = first?.stepId ?? "(none)"
    const compensationFailure = args.errors.find((e) => e.action === "compensate")
    let message = `Workflow "${args.workflowId}" failed at step "${stepId}": ${first?.error.message ?? "unknown error"}`
    if (compensationFailure !== undefined) {
      message += `; compensation of step "${compensationFailure.stepId}" failed too: ${compensationFailure.error.message}`
    }
    super(message, { cause: first?.error })
    this.name = "WorkflowError"
    this.workflowId = args.workflowId
    this.transactionId = args.transactionId
    this.state = args.state
    this.stepId = stepId
    this.errors = args.errors
  }
}

/** Thrown when a completion names a step that is not waiting (already completed, timed out, rolled back). */
export class StepNotWaitingError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "StepNotWaitingError"
  }
}
