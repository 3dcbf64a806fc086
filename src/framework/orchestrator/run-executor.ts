import type { AwilixContainer } from "awilix"
import { sleep } from "./clock.ts"
import { compensateRun, hasCompensation, undoLapsingSteps } from "./compensation.ts"
import {
  deserializeError,
  isRetryable,
  NestedWorkflowError,
  PermanentStepError,
  serializeError,
  StepNotWaitingError,
} from "./errors.ts"
import type { StepHandlers, StepNode, StepOutcome, WorkflowGraph } from "./graph.ts"
import { eventBufferForAttempt, eventsOfSteps, holdEventsDuring, type HeldEvent } from "./held-events.ts"
import type { RunReport } from "./run-report.ts"
import { childTransactionId, RunState, type RunServices } from "./run-state.ts"
import { StepStatus, WorkflowState } from "./states.ts"
import { retryDelayMs, withStepTimeout } from "./step-attempt.ts"
import { WRITTEN, type ExecutionPatch, type RunKey, type StepRecord, type StoredRun } from "./storage.ts"

/** How an async step is completed from outside. */
export type StepCompletion =
  | { readonly kind: "success"; readonly response: unknown }
  | { readonly kind: "failure"; readonly error: unknown }

/** What an attempt of an async step (or of a nested workflow that parked) comes to. */
const WAITING = Symbol("waiting")
const NO_NODES: readonly StepNode[] = []
// A plain reason: aborting without one would build a DOMException (with its stack) per failed run.
const SIBLING_FAILED = "a sibling step failed"

/** Error recorded when computing the workflow's result (a transform) throws. */
export const RESULT_STEP_ID = "workflow-result"

/**
 * Drives one run while this engine owns it: starts steps as their dependencies settle, retries,
 * parks async steps, and compensates on failure.
 */
export class RunExecutor {
  readonly #run: RunState
  /**
   * Steps this executor started. A step runs at most once per executor: once its run ends it is
   * done, skipped, failed or waiting, never startable again. (Never deleting also spares the Set a
   * shrink and a regrowth per step.)
   */
  readonly #started = new Set<string>()
  // Made only when a step waits (a retry interval): most runs never need one, and aborting a
  // controller nobody listens to still costs an event per failed run.
  #abort: AbortController | undefined
  #siblingFailed = false
  #running = 0
  /** How many `#pump` loops are under way (they nest when a step settles without waiting). */
  #pumping = 0
  #failed: boolean
  #fatal: unknown = undefined
  /** The background write that was the latest when the last step's end was written: the next end waits for it. */
  #olderWrite: Promise<void> | undefined
  /** The run's creation failed, or found a run under its transaction id: nothing of this run is stored. */
  #uncreated = false
  /**
   * The clock as read when a step's end was written, while the steps it lets start are being
   * started in the same synchronous stretch: they started at that instant, no need to read it again.
   */
  #justSettledAt: number | undefined
  #phase: "forward" | "closing" | "idle" = "idle"
  /** The step whose end is written with the run's (see `RunState.holdUntilEnd`), for its crash point. */
  #lastStepId: string | undefined
  #onIdle: (() => void) | undefined
  #driving: Promise<void> | undefined
  /** Called when the end of a run that succeeded is sent, before it is written (`answerOnceEndSent`). */
  onEndSent: (() => void) | undefined

  /** `creation`: the run's creation, still being written; until it lands only read-only and lapsing steps run. */
  constructor(graph: WorkflowGraph, container: AwilixContainer, services: RunServices, stored: StoredRun, creation?: Promise<void>) {
    this.#run = new RunState(graph, container, services, stored, creation)
    this.#run.creation?.catch((error: unknown) => {
      this.#uncreated = true
      this.#stopOnFailedWrite(error)
    })
    this.#failed = stored.execution.state === WorkflowState.COMPENSATING
  }

  /**
   * Once the run is known not to have been created (and not to be driven by this executor): undoes
   * what its lapsing steps did meanwhile. Nothing to do for a run that was created.
   */
  undoIfUncreated(onError: (error: unknown) => void): Promise<void> {
    return this.#uncreated ? undoLapsingSteps(this.#run, onError) : Promise.resolve()
  }

  get key(): RunKey {
    return this.#run.key
  }

  /** True while steps are being started: a completion can be handed to this executor directly. */
  get acceptsCompletions(): boolean {
    return this.#phase === "forward"
  }

  report(): RunReport {
    return this.#run.report()
  }

  /** Runs forward, or compensates, until the run finishes or parks. Safe to call again meanwhile. */
  drive(): Promise<void> {
    this.#driving ??= this.#drive().finally(() => {
      this.#driving = undefined
    })
    return this.#driving
  }

  /** Starts rolling back a run that finished or parked: its parent run is being compensated. */
  async beginCompensation(): Promise<void> {
    this.#failed = true
    await this.#run.checkpoint({ execution: { state: WorkflowState.COMPENSATING } })
  }

  /** Completes a waiting async step (or a step whose nested workflow was waiting). */
  async complete(stepId: string, completion: StepCompletion): Promise<void> {
    const node = this.#run.nodes.get(stepId)
    const record = this.#run.steps.get(stepId)
    if (node === undefined || record?.status !== StepStatus.WAITING) {
      const { workflowId, transactionId } = this.#run.key
      throw new StepNotWaitingError(`Step "${stepId}" of run ${workflowId}/${transactionId} is not waiting (it is ${record?.status ?? "unknown"})`)
    }
    const wasParked = this.#run.execution.state === WorkflowState.WAITING
    let outcome: StepOutcome | undefined
    let failure = completion.kind === "failure" ? completion.error : undefined
    if (completion.kind === "success") {
      try {
        outcome = node.workflow === undefined ? node.toOutcome(completion.response) : childOutcome(completion.response)
      } catch (error) {
        failure = error
      }
    }
    if (outcome !== undefined) await this.#settle(node, outcome, record.attempts, record.startedAt, wasParked ? { state: WorkflowState.INVOKING } : undefined)
    else await this.#failStep(node, failure, record.attempts, record.startedAt)
    if (this.#phase === "forward") this.#pump(node)
  }

  async #drive(): Promise<void> {
    if (this.#run.execution.state === WorkflowState.INVOKING) {
      await this.#runForward()
      if (this.#fatal !== undefined) throw this.#fatal
      if (!this.#failed) return await (this.#allSettled() ? this.#finishDone() : this.#park())
    }
    if (this.#run.execution.state === WorkflowState.COMPENSATING) await compensateRun(this.#run)
  }

  #runForward(): Promise<void> {
    this.#phase = "forward"
    return new Promise((resolve) => {
      this.#onIdle = resolve
      this.#pump()
    })
  }

  /**
   * Starts every step whose dependencies have settled; notices when nothing is left running. After
   * `settled` finished only its dependents can have become startable, so only they are looked at.
   */
  #pump(settled?: StepNode): void {
    if (!this.#failed && this.#fatal === undefined) {
      const candidates = settled === undefined ? this.#run.graph.nodes : (this.#run.dependents.get(settled.id) ?? NO_NODES)
      // A skipped step settles at once, inside this loop, and pumps in turn: nothing running then
      // does not mean idle while this loop has siblings of it (a parallel stage) still to start.
      this.#pumping++
      try {
        for (const node of candidates) {
          if (this.#started.has(node.id) || !isStartable(this.#run.steps.get(node.id))) continue
          if (this.#dependenciesSettled(node)) this.#start(node)
        }
      } finally {
        this.#pumping--
      }
    }
    if (this.#running === 0 && this.#pumping === 0 && this.#onIdle !== undefined) {
      const idle = this.#onIdle
      this.#onIdle = undefined
      // From here a completion must wait for the run to park: it would otherwise race the parking.
      this.#phase = "closing"
      idle()
    }
  }

  #dependenciesSettled(node: StepNode): boolean {
    for (const id of node.dependsOn) if (!isSettled(this.#run.steps.get(id))) return false
    return true
  }

  #start(node: StepNode): void {
    this.#running++
    this.#started.add(node.id)
    void this.#runStep(node)
  }

  /**
   * Runs a step to its end: done, skipped, failed, or waiting. What throws out of it (a storage
   * write that failed, ownership lost) is fatal to the run. The common path, one attempt that
   * succeeds or fails, is this one async frame; retries and resumed retries go to helpers.
   */
  async #runStep(node: StepNode): Promise<void> {
    try {
      const run = this.#run
      const record = run.step(node.id)
      // Undefined for a nested workflow, which runs as a whole.
      let invoke: StepHandlers["invoke"] | undefined
      let input: unknown
      try {
        if (node.shouldRun !== undefined && !node.shouldRun(run.scope)) return this.#skip(node, record)
        if (node.workflow === undefined) {
          const handlers = node.handlers()
          // A hook without handler: nothing to run.
          if (handlers === undefined) return this.#skip(node, record)
          invoke = handlers.invoke
        }
        input = node.resolveInput(run.scope)
      } catch (error) {
        return await this.#failStep(node, error, record.attempts)
      }
      // With a crash point set (tests), a lapsing step waits too: a crash after it finds its run stored.
      if (!node.policy.readOnly && (!node.policy.lapses || run.services.crashPoint !== undefined)) {
        const creation = run.creation
        if (creation !== undefined) await creation
      }
      if (record.status === StepStatus.RETRYING && record.nextAttemptAt !== null && !(await this.#waitOutRetry(node, record))) return
      const { clock, crashPoint } = run.services
      for (let attempts = record.attempts + 1; ; attempts++) {
        // The attempt's start is written with the step's end only: a run resumed after a crash
        // runs an unfinished attempt again anyway (step bodies are at-least-once).
        const attemptStartedAt = this.#justSettledAt ?? clock.now()
        const startedAt = record.startedAt ?? attemptStartedAt
        let outcome: StepOutcome | typeof WAITING
        try {
          crashPoint?.(`before-step:${node.id}`)
          if (invoke === undefined) outcome = await withStepTimeout(clock, node, this.#runChild(node, input))
          else {
            // Each attempt holds its own events: a failed attempt's are dropped with it.
            const events = eventBufferForAttempt()
            const response = await withStepTimeout(clock, node, this.#invoke(node, invoke, input, attempts, events))
            outcome = node.policy.async ? WAITING : withEvents(node.toOutcome(response), events)
          }
        } catch (error) {
          if (await this.#retries(node, error, attempts, startedAt)) continue
          return
        }
        if (outcome === WAITING) return await this.#wait(node, attempts, startedAt, attemptStartedAt)
        crashPoint?.(`after-invoke:${node.id}`)
        const finishedAt = clock.now()
        const step = this.#settledRecord(node, outcome, attempts, startedAt, finishedAt)
        if (this.#endsRun(step)) {
          run.holdUntilEnd(step)
          this.#lastStepId = node.id
          return
        }
        // Done, or skipped by its own `StepResponse.skip()`: either way harmless to run again.
        if (node.policy.rerunnable) {
          run.defer(step)
          this.#justSettledAt = finishedAt
          return
        }
        if (crashPoint === undefined) {
          // Two writes in flight at most: a step's end waits for the one before the latest, so a
          // run whose writes fail (its database gone, the run taken over) stops two steps later at
          // most, not at its end, and a slow write does not hold up the next step.
          const older = this.#olderWrite
          this.#olderWrite = run.backgroundWrite
          if (older !== undefined) await older
          else this.#justSettledAt = finishedAt
          run.checkpointInBackground({ step }, finishedAt, this.#stopOnFailedWrite)
          return
        }
        // A crash point after the checkpoint means after it is written.
        await run.checkpoint({ step }, finishedAt)
        crashPoint(`after-checkpoint:${node.id}`)
        return
      }
    } catch (error) {
      this.#fatal ??= error
      this.#cancelWaits()
    } finally {
      this.#running--
      try {
        this.#pump(node)
      } finally {
        this.#justSettledAt = undefined
      }
    }
  }

  /** Calls the step's handler; what it returns may be a promise or a plain value. */
  #invoke(node: StepNode, invoke: StepHandlers["invoke"], input: unknown, attempt: number, events: HeldEvent[] | undefined): unknown {
    const context = this.#run.context(node.id, attempt, "invoke")
    return events === undefined ? invoke(input, context) : holdEventsDuring(events, () => invoke(input, context))
  }

  /**
   * After a failed attempt: true when the step is to be attempted again (its retry is recorded and
   * its interval waited out), false when it failed for good (recorded too).
   */
  async #retries(node: StepNode, error: unknown, attempts: number, startedAt: number): Promise<boolean> {
    const run = this.#run
    if (this.#failed || !isRetryable(error) || attempts > node.policy.maxRetries) {
      await this.#failStep(node, error, attempts, startedAt)
      return false
    }
    const delay = retryDelayMs(node.policy, attempts)
    const nextAttemptAt = run.services.clock.now() + delay
    await run.saveStep({ ...run.step(node.id), status: StepStatus.RETRYING, attempts, startedAt, error: serializeError(error), nextAttemptAt })
    // A sibling's failure cuts the wait short: no point retrying in a run that rolls back.
    if ((delay > 0 && !(await this.#pause(delay))) || this.#failed) {
      await this.#failStep(node, error, attempts, startedAt)
      return false
    }
    return true
  }

  /** Resumed mid-retry: waits out what is left of the interval. False when the step failed meanwhile (recorded). */
  async #waitOutRetry(node: StepNode, record: StepRecord): Promise<boolean> {
    const stillDue = (record.nextAttemptAt ?? 0) - this.#run.services.clock.now()
    if (stillDue <= 0 || (await this.#pause(stillDue))) return true
    await this.#failStep(node, deserializeError(record.error ?? { name: "Error", message: "interrupted" }), record.attempts)
    return false
  }

  /** A nested workflow as one attempt of a step: run (or joined, if it already exists) under a stable transaction id. */
  async #runChild(node: StepNode, input: unknown): Promise<StepOutcome | typeof WAITING> {
    const child = node.workflow
    if (child === undefined) throw new Error(`Step "${node.id}" has neither handlers nor a nested workflow`)
    const run = this.#run
    const { workflowId, transactionId, context } = run.execution
    const report = await run.services.runChild({
      graph: child,
      transactionId: childTransactionId(transactionId, node.id),
      input,
      context,
      container: run.container,
      parent: { workflowId, transactionId, stepId: node.id },
    })
    if (report.state === WorkflowState.WAITING) return WAITING
    if (report.state === WorkflowState.DONE) return childOutcome(report.result, eventsOfSteps(Object.values(report.transaction.steps)))
    throw new NestedWorkflowError(child.id, report.state, report.errors[0]?.error)
  }

  /** Aborted once a step of the run failed: siblings waiting to retry stop waiting. */
  #waitSignal(): AbortSignal {
    this.#abort ??= new AbortController()
    if (this.#siblingFailed) this.#abort.abort(SIBLING_FAILED)
    return this.#abort.signal
  }

  /** A step's end written in the background failed (the database, the run taken over): no step starts any more. */
  readonly #stopOnFailedWrite = (error: unknown): void => {
    this.#fatal ??= error
    this.#cancelWaits()
  }

  #cancelWaits(): void {
    this.#siblingFailed = true
    this.#abort?.abort(SIBLING_FAILED)
  }

  /** Waits `ms` of clock time; false when a sibling's failure cut the wait short. */
  async #pause(ms: number): Promise<boolean> {
    try {
      await sleep(this.#run.services.clock, ms, this.#waitSignal())
      return true
    } catch {
      return false
    }
  }

  #skip(node: StepNode, record: StepRecord): void {
    const finishedAt = this.#justSettledAt ?? this.#run.services.clock.now()
    this.#run.defer({ ...record, finishedAt, nextAttemptAt: null, deadlineAt: null, error: null, status: StepStatus.SKIPPED })
  }

  #settle(node: StepNode, outcome: StepOutcome, attempts: number, startedAt: number | null, execution?: ExecutionPatch): Promise<void> {
    const finishedAt = this.#run.services.clock.now()
    return this.#run.checkpoint({ step: this.#settledRecord(node, outcome, attempts, startedAt, finishedAt), execution }, finishedAt)
  }

  #settledRecord(node: StepNode, outcome: StepOutcome, attempts: number, startedAt: number | null, finishedAt: number): StepRecord {
    const run = this.#run
    return outcome.kind === "skip"
      ? { ...run.step(node.id), attempts, startedAt, finishedAt, nextAttemptAt: null, deadlineAt: null, error: null, status: StepStatus.SKIPPED }
      : {
          ...run.step(node.id),
          attempts,
          startedAt,
          finishedAt,
          nextAttemptAt: null,
          deadlineAt: null,
          error: null,
          status: StepStatus.DONE,
          output: outcome.output,
          // Kept for the compensation only: a step without one (a read, a check) would store its output twice.
          compensationInput: hasCompensation(node) ? outcome.compensationInput : undefined,
          completionOrder: run.nextCompletionOrder(),
          events: outcome.events,
        }
  }

  /**
   * Whether `step` settling leaves the run with nothing to start and nothing running: every step
   * settled and none failed. Its end then goes with the run's, in one write.
   */
  #endsRun(step: StepRecord): boolean {
    if (this.#running !== 1 || this.#failed || this.#fatal !== undefined) return false
    for (const other of this.#run.steps.values()) if (other.stepId !== step.stepId && !isSettled(other)) return false
    return true
  }

  async #wait(node: StepNode, attempts: number, startedAt: number, attemptStartedAt: number): Promise<void> {
    const timeout = node.policy.timeout
    const deadlineAt = timeout === undefined ? null : attemptStartedAt + timeout * 1000
    await this.#run.saveStep({ ...this.#run.step(node.id), status: StepStatus.WAITING, attempts, startedAt, nextAttemptAt: null, deadlineAt })
    if (deadlineAt !== null && timeout !== undefined) this.#run.services.armDeadline(this.key, node.id, deadlineAt, timeout)
  }

  async #failStep(node: StepNode, error: unknown, attempts: number, startedAt = this.#run.step(node.id).startedAt): Promise<void> {
    const run = this.#run
    const firstFailure = !this.#failed
    this.#failed = true
    this.#cancelWaits()
    const { errors, serialized } = run.recordError(node.id, "invoke", error)
    const finishedAt = run.services.clock.now()
    const step: StepRecord = {
      ...run.step(node.id),
      status: StepStatus.FAILED,
      attempts,
      startedAt,
      error: serialized,
      compensationInput: error instanceof PermanentStepError ? error.compensateInput : undefined,
      finishedAt,
      completionOrder: run.nextCompletionOrder(),
      nextAttemptAt: null,
      deadlineAt: null,
    }
    const written = run.checkpoint({ step, execution: firstFailure ? { state: WorkflowState.COMPENSATING, errors } : { errors } }, finishedAt)
    if (written !== WRITTEN) await written
  }

  async #finishDone(): Promise<void> {
    this.#phase = "idle"
    let result: unknown
    try {
      result = this.#run.graph.resolveResult(this.#run.scope)
    } catch (error) {
      this.#failed = true
      const { errors } = this.#run.recordError(RESULT_STEP_ID, "invoke", error)
      // Carries the last step's end, if it is held: recorded before any compensation runs.
      await this.#run.checkpoint({ execution: { state: WorkflowState.COMPENSATING, errors } })
      this.#passedLastStepCheckpoint()
      return compensateRun(this.#run)
    }
    this.#run.services.crashPoint?.("before-finish")
    // A nested run's events go up with its result: its parent publishes them, or drops them.
    const { publishes } = this.#run.services
    const publish = this.#run.execution.parent === null ? eventsOfSteps(this.#run.steps.values()).filter((event) => publishes(event.name)) : []
    const finished = this.#run.finish(WorkflowState.DONE, { result }, publish)
    if (finished !== WRITTEN) {
      this.onEndSent?.()
      await finished
    }
    this.#passedLastStepCheckpoint()
    if (publish.length > 0) this.#run.services.onEventsPublished(publish)
  }

  /** The last step's `after-checkpoint` crash point, once its end went with the run's. */
  #passedLastStepCheckpoint(): void {
    if (this.#lastStepId !== undefined) this.#run.services.crashPoint?.(`after-checkpoint:${this.#lastStepId}`)
  }

  async #park(): Promise<void> {
    this.#phase = "idle"
    await this.#run.checkpoint({ execution: { state: WorkflowState.WAITING, owner: null } })
  }

  #allSettled(): boolean {
    for (const step of this.#run.steps.values()) if (!isSettled(step)) return false
    return true
  }
}

function withEvents(outcome: StepOutcome, events: readonly HeldEvent[] | undefined): StepOutcome {
  return outcome.kind === "success" && events !== undefined && events.length > 0 ? { ...outcome, events } : outcome
}

function childOutcome(result: unknown, events: readonly HeldEvent[] = []): StepOutcome {
  // The nested run compensates itself as a unit: no compensation input to keep.
  return { kind: "success", output: result, compensationInput: undefined, ...(events.length > 0 ? { events } : {}) }
}

function isSettled(step: StepRecord | undefined): boolean {
  return step?.status === StepStatus.DONE || step?.status === StepStatus.SKIPPED
}

function isStartable(step: StepRecord | undefined): boolean {
  return step?.status === StepStatus.PENDING || step?.status === StepStatus.RETRYING || step?.status === StepStatus.INVOKING
}
