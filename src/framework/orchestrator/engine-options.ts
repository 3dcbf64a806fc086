import type { AwilixContainer } from "awilix"
import type { Clock } from "./clock.ts"
import type { HeldEvent } from "./held-events.ts"
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
  /** Seconds a finished run is kept when its workflow sets no `retentionTime`. Default 7 days. */
  readonly defaultRetentionTime?: number
  /**
   * Times a run may be taken over from a dead owner. One more (the run keeps killing its process,
   * say) and it goes to `dead_letter` for an operator instead. Default 3.
   */
  readonly maxRecoveryAttempts?: number
  /**
   * Test-only: the name of a crash point (`before-step:<id>`, `after-invoke:<id>`,
   * `after-checkpoint:<id>`, `before-compensate:<id>`, `after-compensate:<id>`, `before-finish`) at
   * which this engine calls `onCrashPoint`, e.g. to kill its own process. Off when unset.
   */
  readonly crashAt?: string | undefined
  readonly onCrashPoint?: (name: string) => void
  /**
   * Receives a finished run's events right after the checkpoint that stored them: the event bus
   * delivers them. Events of runs that roll back never get here.
   */
  readonly onEventsPublished?: (events: readonly HeldEvent[]) => void
  /**
   * Whether a finished run's event is published: stored in the outbox with the run's end and handed
   * to `onEventsPublished`. An event nobody subscribes to needs neither. Default: every event.
   */
  readonly publishes?: (eventName: string) => boolean
  /**
   * Whether `run()` answers a run that succeeded as soon as its end is sent to the storage, instead
   * of once it is written. Every step's own work is done by then; only the run's record lags, and
   * this engine's own reads of it (`getTransaction`, `describeRun`, `listRuns`), a run started
   * again under its transaction id and `settled()` wait for it. If the process dies before the end
   * lands, recovery runs the last steps again (step bodies are at-least-once anyway). Default false:
   * the end is durable when `run()` returns, which is what a caller reading the storage itself needs.
   */
  readonly answerOnceEndSent?: boolean
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
