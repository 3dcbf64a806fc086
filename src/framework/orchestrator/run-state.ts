import type { AwilixContainer } from "awilix"
import type { Clock } from "./clock.ts"
import { asError, deserializeError, serializeError, type SerializedError, type WorkflowStepError } from "./errors.ts"
import type { StepAction, StepInvocationContext, StepNode, ValueScope, WorkflowGraph } from "./graph.ts"
import { graphIndex, type GraphIndex } from "./graph-index.ts"
import type { HeldEvent } from "./held-events.ts"
import { idempotencyKeyPrefix } from "./idempotency-key.ts"
import { newExecutionId } from "./run-ids.ts"
import { snapshotOf, type RunReport } from "./run-report.ts"
import { StepStatus, WorkflowState } from "./states.ts"
import { pendingStepRecord } from "./step-attempt.ts"
import { WRITTEN, type ExecutionPatch, type ExecutionRecord, type RunKey, type StepRecord, type StoredRun, type StoredStepError, type WorkflowStorage } from "./storage.ts"

/** What a run needs from its engine. */
export type RunServices = {
  readonly storage: WorkflowStorage
  readonly clock: Clock
  readonly owner: string
  /** A checkpoint moves the run's heartbeat only when it is older than this (see `RunLeases.checkpointRefreshMs`). */
  readonly heartbeatRefreshMs: number
  /** Seconds a finished run is kept when its workflow does not say. */
  readonly defaultRetentionTime: number
  /** Hands a finished run's events to the event bus, once they are in the storage. */
  readonly onEventsPublished: (events: readonly HeldEvent[]) => void
  /** Whether an event is published at all (see `WorkflowEngineOptions.publishes`). */
  readonly publishes: (eventName: string) => boolean
  /** Test-only: stops the process at a named point (see `WorkflowEngineOptions.crashAt`); unset otherwise. */
  readonly crashPoint: ((name: string) => void) | undefined
  runChild(request: ChildRunRequest): Promise<RunReport>
  compensateChild(child: RunKey, container: AwilixContainer): Promise<void>
  armDeadline(run: RunKey, stepId: string, deadlineAt: number, timeoutSeconds: number): void
  cancelDeadlines(run: RunKey): void
}

export type ChildRunRequest = {
  readonly graph: WorkflowGraph
  readonly transactionId: string
  readonly input: unknown
  readonly context: Readonly<Record<string, unknown>>
  readonly container: AwilixContainer
  readonly parent: RunKey & { readonly stepId: string }
}

/**
 * A run's records as this engine holds them while it owns the run. Every change goes through
 * `checkpoint`: the in-memory view first (synchronously, so concurrent steps see it), then storage.
 */
export class RunState {
  readonly graph: WorkflowGraph
  readonly nodes: ReadonlyMap<string, StepNode>
  readonly dependents: ReadonlyMap<string, readonly StepNode[]>
  readonly container: AwilixContainer
  readonly services: RunServices
  readonly steps = new Map<string, StepRecord>()
  /** Failures with their original errors (the stored ones are serialised). */
  readonly errors: WorkflowStepError[]
  readonly scope: ValueScope
  #execution: ExecutionRecord
  #completions = 0
  /** Step records not yet written: they go with the run's next write (see `Checkpoint.deferred`). */
  #deferred: StepRecord[] | undefined
  /** The run's last step to end, not yet written: it goes with the run's end (see `holdUntilEnd`). */
  #lastStep: StepRecord | undefined
  #keyPrefix: string | undefined
  readonly #keySuffixes: GraphIndex["keySuffixes"]
  /** The last write nobody waits for (`checkpointInBackground`), while it is pending: later writes go after it. */
  #background: Promise<void> | undefined
  /** The run's creation while it is being written: every write, and every step but a read-only one, waits for it. */
  #creation: Promise<void> | undefined
  /** Taken up from the storage, not started here (see `StepMetadata.resumed`). */
  readonly #resumed: boolean

  /**
   * `creation`: the write that creates the run, when it is still in flight (it rejects if the run
   * was not created); a run built without one is taken up from the storage.
   */
  constructor(graph: WorkflowGraph, container: AwilixContainer, services: RunServices, stored: StoredRun, creation?: Promise<void>) {
    const index = graphIndex(graph)
    this.graph = graph
    this.nodes = index.nodes
    this.dependents = index.dependents
    this.#keySuffixes = index.keySuffixes
    this.container = container
    this.services = services
    this.#execution = stored.execution
    for (const [stepId, pending] of index.pending) this.steps.set(stepId, pending)
    for (const step of stored.steps) {
      this.steps.set(step.stepId, step)
      this.#completions = Math.max(this.#completions, step.completionOrder ?? 0)
    }
    this.errors = stored.execution.errors.map((e) => ({ ...e, error: deserializeError(e.error) }))
    this.scope = new RunScope(stored.execution.input, this.steps)
    this.#resumed = creation === undefined
    if (creation !== undefined) {
      const created: Promise<void> = creation.then(() => {
        if (this.#creation === created) this.#creation = undefined
        if (this.#background === created) this.#background = undefined
      })
      this.#creation = created
      this.#background = created
    }
  }

  /** The run's creation while it is in flight; rejects when the run could not be created. */
  get creation(): Promise<void> | undefined {
    return this.#creation
  }

  get execution(): ExecutionRecord {
    return this.#execution
  }

  get key(): RunKey {
    return this.#execution
  }

  step(stepId: string): StepRecord {
    return this.steps.get(stepId) ?? pendingStepRecord(stepId)
  }

  /** Rank of the step finishing now: compensation walks these backwards. */
  nextCompletionOrder(): number {
    return ++this.#completions
  }

  /**
   * Records a failure; returns the run's stored error list with it, for the checkpoint that
   * follows, and the error in its stored form (for the step's record too).
   */
  recordError(stepId: string, action: StepAction, thrown: unknown): { errors: StoredStepError[]; serialized: SerializedError } {
    const error = asError(thrown)
    this.errors.push({ stepId, action, error })
    const serialized = serializeError(error)
    return { errors: [...this.#execution.errors, { stepId, action, error: serialized }], serialized }
  }

  /**
   * One storage write per step boundary, at `at` (now, unless the caller just read the clock).
   * Not async: one promise less per step, the storage's own.
   */
  checkpoint(
    change: {
      step?: StepRecord | undefined
      execution?: ExecutionPatch | undefined
      publish?: readonly HeldEvent[] | undefined
    },
    at = this.services.clock.now(),
  ): Promise<void> {
    const { execution, publish } = change
    const refreshHeartbeatBefore = at - this.services.heartbeatRefreshMs
    if (change.step !== undefined) this.steps.set(change.step.stepId, change.step)
    if (execution !== undefined) {
      const heartbeatAt = this.#execution.heartbeatAt < refreshHeartbeatBefore ? at : this.#execution.heartbeatAt
      this.#execution = { ...this.#execution, ...execution, heartbeatAt, updatedAt: at }
    }
    const { workflowId, transactionId } = this.#execution
    let deferred = this.#deferred
    let step = change.step
    this.#deferred = undefined
    if (this.#lastStep !== undefined) {
      // Written first, whatever this write is: the run's end, or the start of its compensation.
      if (step === undefined) step = this.#lastStep
      else deferred = [...(deferred ?? []), this.#lastStep]
      this.#lastStep = undefined
    }
    const { owner, storage } = this.services
    const write = { workflowId, transactionId, owner, at, refreshHeartbeatBefore, step, deferred, execution, publish }
    const before = this.#background
    // After a write that failed, no later one is made: each fails with its error.
    return before === undefined ? storage.checkpoint(write) : before.then(() => storage.checkpoint(write))
  }

  /** The write made by `checkpointInBackground` while it is pending. */
  get backgroundWrite(): Promise<void> | undefined {
    return this.#background
  }

  /**
   * A checkpoint the run does not wait for: the steps it lets start run while it is written. Only
   * for a boundary that keeps the run owned: losing it (the process dies before it lands) is the
   * same as dying just before it, and the step runs again on recovery. Later writes are made after
   * it, so the run's end or the start of its compensation never overtakes it. A failed write goes
   * to `onFailure` (the run stops) and fails every later write.
   */
  checkpointInBackground(change: { step: StepRecord }, at: number, onFailure: (error: unknown) => void): void {
    const written = this.checkpoint(change, at)
    if (written === WRITTEN) return
    const settled: Promise<void> = written.then(() => {
      if (this.#background === settled) this.#background = undefined
    })
    this.#background = settled
    settled.catch(onFailure)
  }

  /**
   * The end of a step that needs no write of its own: recorded in memory, written with the run's
   * next write. A skipped step (a run resumed before that write evaluates it again and skips it
   * again: its condition reads only recorded outputs, a hook without handler has nothing to run),
   * or one that may run again (`StepPolicy.rerunnable`: running it again is harmless).
   */
  defer(step: StepRecord): void {
    this.steps.set(step.stepId, step)
    ;(this.#deferred ??= []).push(step)
  }

  /**
   * The end of a step that leaves every step settled: recorded in memory (the result reads its
   * output), written with the run's next write, its end (or, if the result cannot be computed, the
   * start of its compensation). With no next step to start, the boundary costs no write of its own.
   * A run resumed before that write runs the step again, as after any crash before a step's end.
   */
  holdUntilEnd(step: StepRecord): void {
    this.steps.set(step.stepId, step)
    this.#lastStep = step
  }

  saveStep(step: StepRecord): Promise<void> {
    return this.checkpoint({ step })
  }

  /** Ends the run (with a last step record, if given): released, timestamped, kept for its retention time. */
  finish(state: WorkflowState, extra: ExecutionPatch = {}, publish?: readonly HeldEvent[], step?: StepRecord): Promise<void> {
    const now = this.services.clock.now()
    const retention = this.graph.retentionTime ?? this.services.defaultRetentionTime
    const execution = { ...extra, state, owner: null, finishedAt: now, retainUntil: now + retention * 1000 }
    return this.checkpoint({ step, execution, publish }, now)
  }

  context(stepId: string, attempt: number, action: StepAction): StepInvocationContext {
    const { workflowId, transactionId } = this.#execution
    this.#keyPrefix ??= idempotencyKeyPrefix(this.#execution)
    return {
      container: this.container,
      context: this.#execution.context,
      metadata: { workflowId, transactionId, stepId, attempt, action, resumed: this.#resumed },
      idempotencyKey: this.#keyPrefix + (this.#keySuffixes.get(stepId)?.[action] ?? `${stepId}:${action}`),
    }
  }

  report(): RunReport {
    return {
      state: this.#execution.state,
      result: this.#execution.result,
      errors: [...this.errors],
      transaction: snapshotOf(this.#execution, this.steps.values()),
    }
  }
}

/** What the workflow's compiled values read: the run's input and its finished steps' outputs. */
class RunScope implements ValueScope {
  readonly input: unknown
  readonly #steps: ReadonlyMap<string, StepRecord>
  #memo: Map<object, unknown> | undefined

  constructor(input: unknown, steps: ReadonlyMap<string, StepRecord>) {
    this.input = input
    this.#steps = steps
  }

  /** Made on first use: most workflows have no transform or condition to remember. */
  get memo(): Map<object, unknown> {
    this.#memo ??= new Map()
    return this.#memo
  }

  outputOf(stepId: string): unknown {
    const step = this.#steps.get(stepId)
    return step?.status === StepStatus.DONE ? step.output : undefined
  }
}

/** A run as first stored: owned by its creator, invoking. */
export function newExecutionRecord(args: {
  readonly workflowId: string
  readonly transactionId: string
  readonly input: unknown
  readonly context: Readonly<Record<string, unknown>>
  readonly parent: ChildRunRequest["parent"] | null
  readonly owner: string
  readonly now: number
}): ExecutionRecord {
  const { workflowId, transactionId, now } = args
  return {
    id: newExecutionId(),
    workflowId,
    transactionId,
    state: WorkflowState.INVOKING,
    input: args.input,
    context: { ...args.context, workflowId, transactionId },
    result: undefined,
    errors: [],
    owner: args.owner,
    heartbeatAt: now,
    recoveryAttempts: 0,
    parent: args.parent,
    retainUntil: null,
    createdAt: now,
    updatedAt: now,
    finishedAt: null,
  }
}

/** The transaction id of a workflow run as a step: stable, so a resumed parent finds its child. */
export function childTransactionId(parentTransactionId: string, stepId: string): string {
  return `${parentTransactionId}/${stepId}`
}
