import type { AwilixContainer } from "awilix"
import { ulid } from "../ids/index.ts"
import type { Clock } from "./clock.ts"
import { asError, deserializeError, serializeError, type WorkflowStepError } from "./errors.ts"
import type { StepAction, StepInvocationContext, StepNode, ValueScope, WorkflowGraph } from "./graph.ts"
import type { HeldEvent } from "./held-events.ts"
import { formatIdempotencyKey } from "./idempotency-key.ts"
import { snapshotOf, type RunReport } from "./run-report.ts"
import { StepStatus, WorkflowState } from "./states.ts"
import { pendingStepRecord } from "./step-attempt.ts"
import type { ExecutionPatch, ExecutionRecord, RunKey, StepRecord, StoredRun, StoredStepError, WorkflowStorage } from "./storage.ts"

/** What a run needs from its engine. */
export type RunServices = {
  readonly storage: WorkflowStorage
  readonly clock: Clock
  readonly owner: string
  /** Seconds a finished run is kept when its workflow does not say. */
  readonly defaultRetentionTime: number
  /** Hands a finished run's events to the event bus, once they are in the storage. */
  readonly onEventsPublished: (events: readonly HeldEvent[]) => void
  /** Test-only: stops the process at a named point (see `WorkflowEngineOptions.crashAt`). */
  readonly crashPoint: (name: string) => void
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

  constructor(graph: WorkflowGraph, container: AwilixContainer, services: RunServices, stored: StoredRun) {
    this.graph = graph
    this.nodes = nodesById(graph)
    this.dependents = dependentsOf(graph)
    this.container = container
    this.services = services
    this.#execution = stored.execution
    for (const node of graph.nodes) this.steps.set(node.id, pendingStepRecord(node.id))
    for (const step of stored.steps) {
      this.steps.set(step.stepId, step)
      this.#completions = Math.max(this.#completions, step.completionOrder ?? 0)
    }
    this.errors = stored.execution.errors.map((e) => ({ ...e, error: deserializeError(e.error) }))
    this.scope = {
      input: stored.execution.input,
      memo: new Map(),
      outputOf: (stepId) => {
        const step = this.steps.get(stepId)
        return step?.status === StepStatus.DONE ? step.output : undefined
      },
    }
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

  /** Records a failure; returns the run's stored error list with it, for the checkpoint that follows. */
  recordError(stepId: string, action: StepAction, thrown: unknown): StoredStepError[] {
    const error = asError(thrown)
    this.errors.push({ stepId, action, error })
    return [...this.#execution.errors, { stepId, action, error: serializeError(error) }]
  }

  /** One storage write per step boundary. (Not async: one promise less per step, the storage's own.) */
  checkpoint(change: {
    step?: StepRecord | undefined
    execution?: ExecutionPatch | undefined
    publish?: readonly HeldEvent[] | undefined
  }): Promise<void> {
    const at = this.services.clock.now()
    const { step, execution, publish } = change
    if (step !== undefined) this.steps.set(step.stepId, step)
    if (execution !== undefined) this.#execution = { ...this.#execution, ...execution, heartbeatAt: at, updatedAt: at }
    const { workflowId, transactionId } = this.#execution
    return this.services.storage.checkpoint({ workflowId, transactionId, owner: this.services.owner, at, step, execution, publish })
  }

  saveStep(step: StepRecord): Promise<void> {
    return this.checkpoint({ step })
  }

  /**
   * A step's start (invoking, compensating) is kept in memory only: a run resumed after a crash
   * runs such a step again anyway, so writing it would double the round trips for nothing.
   * Step bodies are therefore at-least-once; `idempotencyKey` lets them make effects exactly-once.
   */
  markStarted(step: StepRecord): void {
    this.steps.set(step.stepId, step)
  }

  /** The patch that ends the run: released, timestamped, kept for its retention time. */
  finishPatch(state: WorkflowState, extra: ExecutionPatch = {}): ExecutionPatch {
    const now = this.services.clock.now()
    const retention = this.graph.retentionTime ?? this.services.defaultRetentionTime
    return { ...extra, state, owner: null, finishedAt: now, retainUntil: now + retention * 1000 }
  }

  context(stepId: string, attempt: number, action: StepAction): StepInvocationContext {
    const { workflowId, transactionId } = this.#execution
    return {
      container: this.container,
      context: this.#execution.context,
      metadata: { workflowId, transactionId, stepId, attempt, action },
      idempotencyKey: formatIdempotencyKey({ workflowId, transactionId, stepId, action }),
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
    id: `wf_exec_${ulid()}`,
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

const dependentIndexes = new WeakMap<WorkflowGraph, ReadonlyMap<string, readonly StepNode[]>>()

/** The steps that wait on each step: only they can become startable when it settles. */
export function dependentsOf(graph: WorkflowGraph): ReadonlyMap<string, readonly StepNode[]> {
  let index = dependentIndexes.get(graph)
  if (index === undefined) {
    const built = new Map<string, StepNode[]>()
    for (const node of graph.nodes) {
      for (const id of node.dependsOn) {
        const list = built.get(id)
        if (list === undefined) built.set(id, [node])
        else list.push(node)
      }
    }
    index = built
    dependentIndexes.set(graph, index)
  }
  return index
}

const nodeIndexes = new WeakMap<WorkflowGraph, ReadonlyMap<string, StepNode>>()

export function nodesById(graph: WorkflowGraph): ReadonlyMap<string, StepNode> {
  let index = nodeIndexes.get(graph)
  if (index === undefined) {
    index = new Map(graph.nodes.map((node) => [node.id, node]))
    nodeIndexes.set(graph, index)
  }
  return index
}
