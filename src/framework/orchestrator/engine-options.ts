import type { AwilixContainer } from "awilix"
import type { Clock } from "./clock.ts"
import type { WorkflowStorage } from "./storage.ts"

/** The container key under which a `WorkflowEngine` is looked up by `myWorkflow(container).run()`. */
export const WORKFLOW_ENGINE_KEY = "workflowEngine"

export type WorkflowEngineOptions = {
  /** Defaults to a fresh `MemoryWorkflowStorage`. */
  readonly storage?: WorkflowStorage
  readonly clock?: Clock
  /** Container for runs resumed or completed without one (recovery, `setStepSuccess`). */
  readonly container?: AwilixContainer
  /** This engine's identity as a run owner; unique per process. */
  readonly owner?: string
  /** Seconds an owner may stay silent before another engine may take its runs over. Default 300. */
  readonly staleAfter?: number
  /** Milliseconds between looks at a run that another engine is working on. Default 50. */
  readonly pollInterval?: number
  /** Seconds a finished run is kept when its workflow sets no `retentionTime`. Default 1 day. */
  readonly defaultRetentionTime?: number
  /** Errors of background work (async step timeouts, parent notification); default `console.error`. */
  readonly onBackgroundError?: (error: unknown) => void
}

export type StartRunOptions = {
  readonly input?: unknown
  /** Runs are idempotent by (workflow id, transaction id): a known id returns that run. */
  readonly transactionId?: string | undefined
  readonly context?: Readonly<Record<string, unknown>> | undefined
  readonly container?: AwilixContainer | undefined
}
