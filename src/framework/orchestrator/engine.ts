import { randomUUID } from "node:crypto"
import { createContainer, type AwilixContainer } from "awilix"
import { sleep, systemClock, type Clock } from "./clock.ts"
import { DeadlineTimers, runKeyString } from "./deadline-timers.ts"
import { NestedWorkflowError, OwnershipLostError, RunExistsError, StepNotWaitingError, StepTimeoutError } from "./errors.ts"
import type { StartRunOptions, WorkflowEngineOptions } from "./engine-options.ts"
import type { WorkflowGraph } from "./graph.ts"
import { parseIdempotencyKey, type StepKey } from "./idempotency-key.ts"
import { nodesById } from "./graph-index.ts"
import { MemoryWorkflowStorage } from "./memory-storage.ts"
import { newTransactionId } from "./run-ids.ts"
import { RunLeases } from "./run-leases.ts"
import { RunExecutor, type StepCompletion } from "./run-executor.ts"
import { newExecutionRecord, type ChildRunRequest, type RunServices } from "./run-state.ts"
import { reportFromStored, snapshotOf, type RunReport, type TransactionSnapshot } from "./run-report.ts"
import { ACTIVE_WORKFLOW_STATES, isFinalState, StepStatus, WorkflowState } from "./states.ts"
import { pendingStepRecord } from "./step-attempt.ts"
import type { ExecutionRecord, ListRunsQuery, RunKey, StoredRun, WorkflowStorage } from "./storage.ts"

type StartRequest = Omit<ChildRunRequest, "parent"> & { readonly parent: ChildRunRequest["parent"] | null }
type ActiveRun = { readonly executor: RunExecutor; readonly finished: Promise<RunReport> }

/** Undefined when off: the engine then does not even build the names of the points it passes. */
function crashPoints(options: WorkflowEngineOptions): ((name: string) => void) | undefined {
  const { crashAt, onCrashPoint } = options
  if (crashAt === undefined || onCrashPoint === undefined) return undefined
  return (name) => {
    if (name === crashAt) onCrashPoint(name)
  }
}

/** Runs workflow graphs with retries, compensation and async steps, checkpointing through a storage. */
export class WorkflowEngine {
  readonly storage: WorkflowStorage
  readonly clock: Clock
  readonly owner: string
  readonly #container: AwilixContainer
  readonly #pollIntervalMs: number
  readonly #onBackgroundError: (error: unknown) => void
  readonly #services: RunServices
  readonly #graphs = new Map<string, WorkflowGraph>()
  readonly #inflight = new Map<string, Promise<RunReport>>()
  readonly #active = new Map<string, ActiveRun>()
  readonly #deadlines: DeadlineTimers
  readonly #leases: RunLeases
  readonly #maxRecoveryAttempts: number
  readonly #answerOnceEndSent: boolean
  /** Runs whose caller was answered while their end is being written (`answerOnceEndSent`). */
  readonly #ending = new Set<Promise<unknown>>()
  #lastSweepAt = Number.NEGATIVE_INFINITY
  #cancelRenewal: (() => void) | undefined

  constructor(options: WorkflowEngineOptions = {}) {
    this.storage = options.storage ?? new MemoryWorkflowStorage()
    this.clock = options.clock ?? systemClock
    this.owner = options.owner ?? `engine-${randomUUID()}`
    this.#container = options.container ?? createContainer()
    this.#pollIntervalMs = options.pollInterval ?? 50
    this.#onBackgroundError = options.onBackgroundError ?? ((error) => console.error(error))
    this.#deadlines = new DeadlineTimers(this.clock)
    this.#leases = new RunLeases(this.storage, this.clock, this.owner, (options.staleAfter ?? 300) * 1000)
    this.#maxRecoveryAttempts = options.maxRecoveryAttempts ?? 3
    this.#services = {
      storage: this.storage,
      clock: this.clock,
      owner: this.owner,
      heartbeatRefreshMs: this.#leases.checkpointRefreshMs,
      defaultRetentionTime: options.defaultRetentionTime ?? 7 * 86_400,
      crashPoint: crashPoints(options),
      onEventsPublished: options.onEventsPublished ?? (() => {}),
      publishes: options.publishes ?? (() => true),
      runChild: (request) => this.#start(request),
      compensateChild: (child, container) => this.#compensateChild(child, container),
      armDeadline: (run, stepId, deadlineAt, timeout) => this.#armDeadline(run, stepId, deadlineAt, timeout),
      cancelDeadlines: (run) => this.#deadlines.cancelRun(run),
    }
    // With a crash point set (tests), the points after a run's end mean after it is written.
    this.#answerOnceEndSent = options.answerOnceEndSent === true && this.#services.crashPoint === undefined
  }

  /** Makes a workflow (and the workflows it nests) known, so its runs can be resumed and completed. */
  register(graph: WorkflowGraph): void {
    if (this.#graphs.get(graph.id) === graph) return
    this.#graphs.set(graph.id, graph)
    for (const node of graph.nodes) if (node.workflow !== undefined) this.register(node.workflow)
  }

  /** Starts a run, or returns the run already known under this transaction id without running anything. */
  run(graph: WorkflowGraph, options: StartRunOptions = {}): Promise<RunReport> {
    this.register(graph)
    return this.#start({
      graph,
      transactionId: options.transactionId ?? newTransactionId(),
      input: options.input,
      context: options.context ?? {},
      container: options.container ?? this.#container,
      parent: null,
    })
  }

  /** Completes a waiting async step with its response; the run continues. */
  setStepSuccess(args: { idempotencyKey: string | StepKey; stepResponse: unknown; container?: AwilixContainer }): Promise<RunReport> {
    return this.#completeByKey(args.idempotencyKey, { kind: "success", response: args.stepResponse }, args.container)
  }

  /** Fails a waiting async step (no retries); the run compensates. */
  setStepFailure(args: { idempotencyKey: string | StepKey; error: unknown; container?: AwilixContainer }): Promise<RunReport> {
    return this.#completeByKey(args.idempotencyKey, { kind: "failure", error: args.error }, args.container)
  }

  /**
   * Continues a run whose owner went silent for `staleAfter` (it died): finished steps are not run
   * again, their stored outputs are used; a run that was compensating finishes compensating.
   */
  async resume(key: RunKey, container?: AwilixContainer): Promise<RunReport> {
    const graph = this.#graphOf(key.workflowId)
    const live = this.#active.get(runKeyString(key))
    if (live !== undefined) return live.finished
    const stored = await this.#leases.acquire(key, { force: false })
    if (stored === undefined) {
      const existing = await this.storage.load(key.workflowId, key.transactionId)
      if (existing === undefined) throw new Error(`No run ${key.workflowId}/${key.transactionId}`)
      throw new Error(`Run ${key.workflowId}/${key.transactionId} is owned by a live engine (${existing.execution.owner})`)
    }
    const { recoveryAttempts } = stored.execution
    if (recoveryAttempts > this.#maxRecoveryAttempts) {
      return this.#leases.deadLetter(stored, `its owner died ${recoveryAttempts} times while running it`)
    }
    return this.#resumeStored(graph, stored, container ?? this.#container, { notifyParent: true })
  }

  /** After a restart: resumes abandoned runs of registered workflows and re-arms async step timeouts. */
  async recover(options: { limit?: number } = {}): Promise<RunReport[]> {
    const keys = await this.storage.listRecoverable({ staleBefore: this.#leases.staleBefore(), limit: options.limit ?? 1000 })
    const reports: RunReport[] = []
    for (const key of keys) {
      if (!this.#graphs.has(key.workflowId) || this.#active.has(runKeyString(key))) continue
      const stored = await this.storage.load(key.workflowId, key.transactionId)
      if (stored?.execution.state === WorkflowState.WAITING) {
        this.#armStoredDeadlines(stored)
        reports.push(reportFromStored(stored))
        continue
      }
      try {
        reports.push(await this.resume(key))
      } catch (error) {
        this.#onBackgroundError(error)
      }
    }
    return reports
  }

  /** Runs for operators, newest first: `list({ workflowId: ["place-order"], state: ["failed"], take, skip })`. */
  async listRuns(query: ListRunsQuery): Promise<{ runs: ExecutionRecord[]; count: number }> {
    await this.settled()
    return this.storage.list(query)
  }

  /**
   * A run by its id with every step of its definition in graph order: those not reached yet are
   * `pending` (a definition this engine does not know shows only the steps that were recorded).
   */
  async describeRun(id: string): Promise<StoredRun | undefined> {
    await this.settled()
    const stored = await this.storage.loadById(id)
    const graph = stored === undefined ? undefined : this.#graphs.get(stored.execution.workflowId)
    if (stored === undefined || graph === undefined) return stored
    // A finished run without step records is one whose storage kept only its outcome: nothing to fill in.
    if (stored.steps.length === 0 && isFinalState(stored.execution.state)) return stored
    const recorded = new Map(stored.steps.map((step) => [step.stepId, step]))
    const inGraph = graph.nodes.map((node) => recorded.get(node.id) ?? pendingStepRecord(node.id))
    const unknown = stored.steps.filter((step) => !graph.nodes.some((node) => node.id === step.stepId))
    return { execution: stored.execution, steps: [...inGraph, ...unknown] }
  }

  async getTransaction(workflowId: string, transactionId: string): Promise<TransactionSnapshot | undefined> {
    await this.settled()
    const stored = await this.storage.load(workflowId, transactionId)
    return stored === undefined ? undefined : snapshotOf(stored.execution, stored.steps)
  }

  /** Resolves once the ends of runs already answered (`answerOnceEndSent`) are written, or failed. */
  async settled(): Promise<void> {
    while (this.#ending.size > 0) await Promise.allSettled(this.#ending)
  }

  #start(request: StartRequest): Promise<RunReport> {
    const key = runKeyString({ workflowId: request.graph.id, transactionId: request.transactionId })
    const inflight = this.#inflight.get(key)
    if (inflight !== undefined) return inflight
    const started = this.#startOrJoin(request).finally(() => this.#inflight.delete(key))
    this.#inflight.set(key, started)
    return started
  }

  async #startOrJoin(request: StartRequest): Promise<RunReport> {
    const { graph, container } = request
    const now = this.clock.now()
    this.#sweepExpired(now)
    const execution = newExecutionRecord({ ...request, workflowId: graph.id, owner: this.owner, now })
    const creating = this.storage.create(execution)
    if (this.#active.has(runKeyString(execution))) {
      // This engine drives a run under that key (resumed, completed): nothing may start beside it.
      const created = await creating
      if (created.created) throw new Error(`Run ${graph.id}/${request.transactionId} was created while this engine drives it`)
      return this.#join(created.existing, graph, container, request)
    }
    // Read-only and lapsing steps run while the creation is written; the first other step waits for it.
    const creation = creating.then((created) => {
      if (!created.created) throw new RunExistsError(created.existing)
    })
    const executor = new RunExecutor(graph, container, this.#services, { execution, steps: [] }, creation)
    let existing: StoredRun
    try {
      // `return await`: returning a promise from an async function costs two more microtasks.
      const answerOnceEndSent = this.#answerOnceEndSent && request.parent === null
      return await this.#drive(executor, { notifyParent: false, registerOnceCreated: creation, answerOnceEndSent })
    } catch (error) {
      if (!(error instanceof RunExistsError) || runKeyString(error.existing.execution) !== runKeyString(execution)) {
        await executor.undoIfUncreated(this.#onBackgroundError)
        throw error
      }
      existing = error.existing
    }
    const report = await this.#join(existing, graph, container, request)
    // The run found has this run's key: what the lapsing steps did may be its too (a lock of the same owner) until it ends.
    if (isFinalState(report.state)) await executor.undoIfUncreated(this.#onBackgroundError)
    return report
  }

  /** Answers a run found under the transaction id a start asked for: its report once it is no longer active. */
  async #join(existing: StoredRun, graph: WorkflowGraph, container: AwilixContainer, request: StartRequest): Promise<RunReport> {
    if (!ACTIVE_WORKFLOW_STATES.includes(existing.execution.state)) return reportFromStored(existing)
    const live = this.#active.get(runKeyString(existing.execution))
    if (live !== undefined) return live.finished
    if (request.parent !== null || existing.execution.owner === this.owner) {
      // A nested run belongs to its parent's owner, which is us: take it over whoever had it.
      // A run we own but no longer drive was cut off by an error here: pick it up again.
      const acquired = await this.#leases.acquire(existing.execution, { force: true })
      if (acquired !== undefined) return this.#resumeStored(graph, acquired, container, { notifyParent: false })
    }
    return this.#awaitRelease(existing.execution, container)
  }

  /** Waits while another engine works on the run; takes it over if that engine goes silent. */
  async #awaitRelease(key: RunKey, container: AwilixContainer): Promise<RunReport> {
    for (;;) {
      await sleep(this.clock, this.#pollIntervalMs)
      const stored = await this.storage.load(key.workflowId, key.transactionId)
      if (stored === undefined) throw new Error(`Run ${key.workflowId}/${key.transactionId} disappeared`)
      if (!ACTIVE_WORKFLOW_STATES.includes(stored.execution.state)) return reportFromStored(stored)
      if (stored.execution.heartbeatAt < this.#leases.staleBefore()) return this.resume(key, container)
    }
  }

  async #completeByKey(idempotencyKey: string | StepKey, completion: StepCompletion, container?: AwilixContainer): Promise<RunReport> {
    const { workflowId, transactionId, stepId } = typeof idempotencyKey === "string" ? parseIdempotencyKey(idempotencyKey) : idempotencyKey
    return this.#complete({ workflowId, transactionId }, stepId, completion, container ?? this.#container)
  }

  async #complete(key: RunKey, stepId: string, completion: StepCompletion, container: AwilixContainer): Promise<RunReport> {
    const graph = this.#graphOf(key.workflowId)
    for (;;) {
      const live = this.#active.get(runKeyString(key))
      if (live?.executor.acceptsCompletions === true) {
        this.#deadlines.cancel(key, stepId)
        await live.executor.complete(stepId, completion)
        return live.finished
      }
      if (live !== undefined) {
        await live.finished.catch(() => {})
        continue
      }
      const stored = await this.#leases.acquire(key, { force: false })
      if (this.#active.has(runKeyString(key))) continue
      const step = stored?.steps.find((s) => s.stepId === stepId)
      if (stored === undefined || step?.status !== StepStatus.WAITING) {
        if (stored !== undefined) await this.#leases.release(key)
        throw new StepNotWaitingError(`Step "${stepId}" of run ${key.workflowId}/${key.transactionId} is not waiting (it is ${step?.status ?? "unknown"})`)
      }
      this.#deadlines.cancel(key, stepId)
      return this.#resumeStored(graph, stored, container, {
        notifyParent: true,
        prepare: (executor) => executor.complete(stepId, completion),
      })
    }
  }

  async #resumeStored(
    graph: WorkflowGraph,
    stored: StoredRun,
    container: AwilixContainer,
    options: { notifyParent: boolean; prepare?: (executor: RunExecutor) => Promise<void> },
  ): Promise<RunReport> {
    const nodes = nodesById(graph)
    const unknown = stored.steps.find((step) => !nodes.has(step.stepId))
    if (unknown !== undefined) return this.#leases.deadLetter(stored, `its definition has no step "${unknown.stepId}" any more`)
    const { state } = stored.execution
    if (options.prepare === undefined && (state === WorkflowState.WAITING || isFinalState(state))) {
      await this.#leases.release(stored.execution)
      if (state === WorkflowState.WAITING) this.#armStoredDeadlines(stored)
      return reportFromStored(stored)
    }
    return this.#drive(new RunExecutor(graph, container, this.#services, stored), options)
  }

  /**
   * `registerOnceCreated`: the run's creation, still in flight. Until it lands the run is not known
   * as active (a run found under its key instead is what completions and joiners must reach).
   */
  #drive(
    executor: RunExecutor,
    options: {
      notifyParent: boolean
      prepare?: (executor: RunExecutor) => Promise<void>
      registerOnceCreated?: Promise<void>
      answerOnceEndSent?: boolean
    },
  ): Promise<RunReport> {
    const key = runKeyString(executor.key)
    let ended = false
    const finished = this.#driveToEnd(executor, options.prepare, key, () => {
      ended = true
    })
    const register = () => {
      if (ended) return
      this.#active.set(key, { executor, finished })
      this.#scheduleRenewal()
    }
    // Registered before the run writes anything: completions and joiners find it from then on.
    if (options.registerOnceCreated === undefined) register()
    else options.registerOnceCreated.then(register, () => {})
    if (options.answerOnceEndSent === true) return this.#answerEarly(executor, finished)
    return options.notifyParent ? finished.then((report) => this.#notifyParent(report).then(() => report)) : finished
  }

  /**
   * The run's report as soon as its end is sent; the run stays active (joiners of its transaction
   * id wait for the write) and in `#ending` until the write lands. A write that fails then is a
   * background error: the run, still owned and not finished in the storage, is recovered later.
   */
  #answerEarly(executor: RunExecutor, finished: Promise<RunReport>): Promise<RunReport> {
    return new Promise((resolve, reject) => {
      let answered = false
      executor.onEndSent = () => {
        answered = true
        const written = finished.finally(() => this.#ending.delete(written))
        this.#ending.add(written)
        written.catch(this.#onBackgroundError)
        resolve(executor.report())
      }
      finished.then(resolve, (error: unknown) => {
        if (!answered) reject(error)
      })
    })
  }

  async #driveToEnd(
    executor: RunExecutor,
    prepare: ((executor: RunExecutor) => Promise<void>) | undefined,
    key: string,
    onEnd: () => void,
  ): Promise<RunReport> {
    try {
      // Awaited even when there is nothing to prepare: the run is registered as active before it starts.
      await prepare?.(executor)
      await executor.drive()
    } finally {
      onEnd()
      if (this.#active.get(key)?.executor === executor) this.#active.delete(key)
      if (this.#active.size === 0) this.#stopRenewals()
    }
    return executor.report()
  }

  /** A nested run that finished outside its parent's call (it had parked): the parent's step completes. */
  async #notifyParent(report: RunReport): Promise<void> {
    const { parent, workflowId } = report.transaction.execution
    if (parent === null || !isFinalState(report.state)) return
    const completion: StepCompletion =
      report.state === WorkflowState.DONE
        ? { kind: "success", response: report.result }
        : { kind: "failure", error: new NestedWorkflowError(workflowId, report.state, report.errors[0]?.error) }
    try {
      await this.#complete(parent, parent.stepId, completion, this.#container)
    } catch (error) {
      if (!(error instanceof StepNotWaitingError)) this.#onBackgroundError(error)
    }
  }

  /** Rolls back a nested run as one unit when its parent compensates the step that ran it. */
  async #compensateChild(child: RunKey, container: AwilixContainer): Promise<void> {
    await this.#active.get(runKeyString(child))?.finished.catch(() => {})
    const existing = await this.storage.load(child.workflowId, child.transactionId)
    if (existing === undefined || existing.execution.state === WorkflowState.FAILED) return
    const stored = await this.#leases.acquire(child, { force: true })
    if (stored === undefined) return
    const report = await this.#resumeStored(this.#graphOf(child.workflowId), stored, container, {
      notifyParent: false,
      prepare: (executor) => executor.beginCompensation(),
    })
    if (report.state !== WorkflowState.FAILED) {
      const cause = report.errors.find((e) => e.action === "compensate")?.error
      throw new NestedWorkflowError(child.workflowId, report.state, cause)
    }
  }

  #armDeadline(run: RunKey, stepId: string, deadlineAt: number, timeoutSeconds: number): void {
    const key = { workflowId: run.workflowId, transactionId: run.transactionId }
    this.#deadlines.arm(key, stepId, deadlineAt, () => {
      const failure = { kind: "failure", error: new StepTimeoutError(stepId, timeoutSeconds) } as const
      this.#complete(key, stepId, failure, this.#container).catch((error: unknown) => {
        if (!(error instanceof StepNotWaitingError)) this.#onBackgroundError(error)
      })
    })
  }

  #armStoredDeadlines(stored: StoredRun): void {
    const graph = this.#graphs.get(stored.execution.workflowId)
    if (graph === undefined) return
    const nodes = nodesById(graph)
    for (const step of stored.steps) {
      const timeout = nodes.get(step.stepId)?.policy.timeout
      if (step.status === StepStatus.WAITING && step.deadlineAt !== null && timeout !== undefined) {
        this.#armDeadline(stored.execution, step.stepId, step.deadlineAt, timeout)
      }
    }
  }

  /** While runs are active, renew their leases regularly, so a long step never looks abandoned. */
  #scheduleRenewal(): void {
    if (this.#cancelRenewal !== undefined) return
    this.#cancelRenewal = this.clock.setTimer(this.#leases.renewEveryMs, () => {
      this.#cancelRenewal = undefined
      for (const { executor } of this.#active.values()) {
        this.#leases.renew(executor.key).catch((error: unknown) => {
          // A run that just finished is no longer ours to renew.
          if (!(error instanceof OwnershipLostError)) this.#onBackgroundError(error)
        })
      }
      if (this.#active.size > 0) this.#scheduleRenewal()
    })
  }

  #stopRenewals(): void {
    this.#cancelRenewal?.()
    this.#cancelRenewal = undefined
  }

  #sweepExpired(now: number): void {
    if (now - this.#lastSweepAt < 60_000) return
    this.#lastSweepAt = now
    this.storage.deleteExpired(now).catch(this.#onBackgroundError)
  }

  #graphOf(workflowId: string): WorkflowGraph {
    const graph = this.#graphs.get(workflowId)
    if (graph === undefined) throw new Error(`Workflow "${workflowId}" is not registered with this engine`)
    return graph
  }
}
