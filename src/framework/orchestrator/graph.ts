import type { AwilixContainer } from "awilix"
import type { HeldEvent } from "./held-events.ts"

/**
 * The executable form of a workflow definition. The workflows SDK builds it from a composer
 * function; the orchestrator runs it and never needs to know how it was written.
 */
export type WorkflowGraph = {
  readonly id: string
  /** Steps in declaration order. */
  readonly nodes: readonly StepNode[]
  /**
   * Steps grouped as they run: the steps of a stage run concurrently (a `parallelize`), and each
   * stage starts when the previous one has settled. Used for diagrams; `dependsOn` drives runs.
   */
  readonly stages: readonly (readonly string[])[]
  /** The run's result, computed from its input and the steps' outputs. */
  readonly resolveResult: (scope: ValueScope) => unknown
  /** Seconds a finished run is kept (and so answers a repeated transaction id). */
  readonly retentionTime?: number | undefined
}

export type StepKind = "step" | "hook" | "workflow"
export type RetryBackoff = "fixed" | "exponential"

export type StepPolicy = {
  readonly maxRetries: number
  /** Seconds between attempts; 0 retries at once. */
  readonly retryInterval: number
  readonly backoff: RetryBackoff
  /** Seconds an attempt (or an async step's wait) may take before the step fails. */
  readonly timeout: number | undefined
  /** The step's result comes later, from `setStepSuccess` / `setStepFailure`. */
  readonly async: boolean
  /** Attempts after the first for the compensation. */
  readonly compensationMaxRetries: number
  /**
   * Running the step again after a crash is harmless: it changes nothing outside its run (it
   * reads, checks, computes, raises events the run holds), or its effect is the same however
   * often it runs (a lock its run already holds). Its end is written with the run's next write
   * instead of one of its own, and a run resumed before that write runs it again.
   */
  readonly rerunnable: boolean
  /**
   * The step changes nothing outside its run (`readOnly` in its config): it may run before the
   * run's creation is written, while that write is in flight.
   */
  readonly readOnly: boolean
  /**
   * What the step changes lapses by itself (`lapses` in its config: a lock with an expiry): it may
   * run before the run's creation is written; if the run is not created, its compensation runs.
   */
  readonly lapses: boolean
}

/** A `when` condition guarding a step, as shown in diagrams. */
export type ConditionInfo = { readonly id: string; readonly name: string }

export type StepNode = {
  readonly id: string
  readonly kind: StepKind
  /** Steps that must have settled (done or skipped) before this one starts. */
  readonly dependsOn: readonly string[]
  readonly policy: StepPolicy
  readonly conditions: readonly ConditionInfo[]
  /** False when a `when` condition around the step is false: the step is skipped. */
  readonly shouldRun: ((scope: ValueScope) => boolean) | undefined
  readonly resolveInput: (scope: ValueScope) => unknown
  /** The handlers to run; undefined means skip (a hook nobody registered). Unused for "workflow". */
  readonly handlers: () => StepHandlers | undefined
  /** Turns what a handler returned (or what `setStepSuccess` received) into an outcome. */
  readonly toOutcome: (response: unknown) => StepOutcome
  /** For kind "workflow": the nested workflow, run and compensated as one unit. */
  readonly workflow: WorkflowGraph | undefined
}

export type StepHandlers = {
  readonly invoke: (input: unknown, context: StepInvocationContext) => unknown
  readonly compensate: ((compensationInput: unknown, context: StepInvocationContext) => unknown) | undefined
}

export type StepOutcome =
  | {
      readonly kind: "success"
      readonly output: unknown
      readonly compensationInput: unknown
      /** Events raised by the attempt that succeeded (set by the engine). */
      readonly events?: readonly HeldEvent[] | undefined
    }
  | { readonly kind: "skip" }

export type StepAction = "invoke" | "compensate"

export type StepInvocationContext = {
  readonly container: AwilixContainer
  readonly context: WorkflowRunContext
  readonly metadata: StepMetadata
  /** `${workflowId}:${transactionId}:${stepId}:${action}`, also the key of `setStepSuccess`. */
  readonly idempotencyKey: string
}

export type StepMetadata = {
  readonly workflowId: string
  readonly transactionId: string
  readonly stepId: string
  /** 1 for the first attempt. */
  readonly attempt: number
  readonly action: StepAction
  /**
   * The run was taken up from its storage (after a crash, to complete an async step, to roll back
   * with its parent) rather than started here. A step that must find its own work from before a
   * crash need only look then, or on a later attempt: a run just started has none.
   */
  readonly resumed: boolean
}

/** Shared by every step of a run; set by `run({ context })`. Stored with the run, so keep it serialisable. */
export type WorkflowRunContext = {
  readonly workflowId: string
  readonly transactionId: string
  readonly [key: string]: unknown
}

/** What the SDK's compiled placeholders read while a run resolves step inputs. */
export interface ValueScope {
  readonly input: unknown
  /** The output of a finished step; undefined for a skipped or not yet finished one. */
  outputOf(stepId: string): unknown
  /** Per-run cache for derived values (transforms, conditions): recomputed on resume, never stored. */
  readonly memo: Map<object, unknown>
}
