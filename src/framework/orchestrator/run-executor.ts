import type { AwilixContainer } from "awilix"
import { sleep } from "./clock.ts"
import { compensateRun } from "./compensation.ts"
import {
  deserializeError,
  isRetryable,
  NestedWorkflowError,
  PermanentStepError,
  serializeError,
  StepNotWaitingError,
} from "./errors.ts"
import type { StepNode, StepOutcome, WorkflowGraph } from "./graph.ts"
import { eventsOfSteps, holdEventsDuring, type HeldEvent } from "./held-events.ts"
import type { RunReport } from "./run-report.ts"
import { childTransactionId, RunState, type RunServices } from "./run-state.ts"
import { StepStatus, WorkflowState } from "./states.ts"
import { retryDelayMs, withStepTimeout } from "./step-attempt.ts"
import type { ExecutionPatch, RunKey, StepRecord, StoredRun } from "./storage.ts"

/** How an async step is completed from outside. */
export type StepCompletion =
  | { readonly kind: "success"; readonly response: unknown }
  | { readonly kind: "failure"; readonly error: unknown }

type Settlement = { readonly kind: "waiting" } | { readonly kind: "outcome"; readonly outcome: StepOutcome }
type Attempt = (input: unknown, attempt: number) => Promise<Settlement>
const WAITING: Settlement = { kind: "waiting" }
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
  readonly #started = new Set<string>()
  // Made only when a step waits (a retry interval): most runs never need one, and aborting a
  // controller nobody listens to still costs an event per failed run.
  #abort: AbortController | undefined
  #siblingFailed = false
  #running = 0
  #failed: boolean
  #fatal: unknown = undefined
  #phase: "forward" | "closing" | "idle" = "idle"
  #onIdle: (() => void) | undefined
  #driving: Promise<void> | undefined

  constructor(graph: WorkflowGraph, container: AwilixContainer, services: RunServices, stored: StoredRun) {
    this.#run = new RunState(graph, container, services, stored)
    this.#failed = stored.execution.state === WorkflowState.COMPENSATING
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
    if (outcome !== undefined) await this.#settle(node, outcome, wasParked ? { state: WorkflowState.INVOKING } : undefined)
    else await this.#failStep(node, failure, record.attempts)
    if (this.#phase === "forward") this.#pump(node)
  }

  async #drive(): Promise<void> {
    if (this.#run.execution.state === WorkflowState.INVOKING) {
      await this.#runForward()
      if (this.#fatal !== undefined) throw this.#fatal
      if (!this.#failed) return this.#allSettled() ? this.#finishDone() : this.#park()
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
      for (const node of candidates) {
        if (this.#started.has(node.id) || !isStartable(this.#run.steps.get(node.id))) continue
        if (node.dependsOn.every((id) => isSettled(this.#run.steps.get(id)))) this.#start(node)
      }
    }
    if (this.#running === 0 && this.#onIdle !== undefined) {
      const idle = this.#onIdle
      this.#onIdle = undefined
      // From here a completion must wait for the run to park: it would otherwise race the parking.
      this.#phase = "closing"
      idle()
    }
  }

  #start(node: StepNode): void {
    this.#running++
    this.#started.add(node.id)
    void this.#runStep(node)
  }

  async #runStep(node: StepNode): Promise<void> {
    try {
      await this.#executeStep(node)
    } catch (error) {
      this.#fatal ??= error
      this.#cancelWaits()
    } finally {
      this.#running--
      this.#started.delete(node.id)
      this.#pump(node)
    }
  }

  async #executeStep(node: StepNode): Promise<void> {
    const run = this.#run
    const record = run.step(node.id)
    let input: unknown
    let attemptOnce: Attempt | undefined
    try {
      if (node.shouldRun !== undefined && !node.shouldRun(run.scope)) return this.#settle(node, { kind: "skip" })
      attemptOnce = this.#attemptFunction(node)
      if (attemptOnce === undefined) return this.#settle(node, { kind: "skip" })
      input = node.resolveInput(run.scope)
    } catch (error) {
      return this.#failStep(node, error, record.attempts)
    }
    const { clock } = run.services
    let attempts = record.attempts
    if (record.status === StepStatus.RETRYING && record.nextAttemptAt !== null) {
      // Resumed mid-retry: wait out what is left of the interval.
      const stillDue = record.nextAttemptAt - clock.now()
      const lastError = deserializeError(record.error ?? { name: "Error", message: "interrupted" })
      if (stillDue > 0 && !(await this.#pause(stillDue))) return this.#failStep(node, lastError, attempts)
    }
    for (;;) {
      attempts++
      const attemptStartedAt = clock.now()
      const startedAt = record.startedAt ?? attemptStartedAt
      run.markStarted({ ...run.step(node.id), status: StepStatus.INVOKING, attempts, startedAt, nextAttemptAt: null })
      let settlement: Settlement
      try {
        run.services.crashPoint(`before-step:${node.id}`)
        settlement = await withStepTimeout(clock, node, attemptOnce(input, attempts))
      } catch (error) {
        if (this.#failed || !isRetryable(error) || attempts > node.policy.maxRetries) return this.#failStep(node, error, attempts)
        const delay = retryDelayMs(node.policy, attempts)
        const nextAttemptAt = clock.now() + delay
        await run.saveStep({ ...run.step(node.id), status: StepStatus.RETRYING, error: serializeError(error), nextAttemptAt })
        // A sibling's failure cuts the wait short: no point retrying in a run that rolls back.
        if ((delay > 0 && !(await this.#pause(delay))) || this.#failed) return this.#failStep(node, error, attempts)
        continue
      }
      if (settlement.kind === "waiting") return this.#wait(node, attemptStartedAt)
      run.services.crashPoint(`after-invoke:${node.id}`)
      await this.#settle(node, settlement.outcome)
      run.services.crashPoint(`after-checkpoint:${node.id}`)
      return
    }
  }

  /** One attempt of the step, or undefined when there is nothing to run (a hook without handler). */
  #attemptFunction(node: StepNode): Attempt | undefined {
    const run = this.#run
    const child = node.workflow
    if (child !== undefined) {
      return async (input) => {
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
        if (report.state === WorkflowState.DONE) {
          return { kind: "outcome", outcome: childOutcome(report.result, eventsOfSteps(Object.values(report.transaction.steps))) }
        }
        throw new NestedWorkflowError(child.id, report.state, report.errors[0]?.error)
      }
    }
    const handlers = node.handlers()
    if (handlers === undefined) return undefined
    return async (input, attempt) => {
      // Each attempt holds its own events: a failed attempt's are dropped with it.
      const events: HeldEvent[] = []
      const response = await holdEventsDuring(events, () => handlers.invoke(input, run.context(node.id, attempt, "invoke")))
      if (node.policy.async) return WAITING
      const outcome = node.toOutcome(response)
      return { kind: "outcome", outcome: outcome.kind === "success" && events.length > 0 ? { ...outcome, events } : outcome }
    }
  }

  /** Aborted once a step of the run failed: siblings waiting to retry stop waiting. */
  #waitSignal(): AbortSignal {
    this.#abort ??= new AbortController()
    if (this.#siblingFailed) this.#abort.abort(SIBLING_FAILED)
    return this.#abort.signal
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

  #settle(node: StepNode, outcome: StepOutcome, execution?: ExecutionPatch): Promise<void> {
    const run = this.#run
    const finishedAt = run.services.clock.now()
    const step: StepRecord =
      outcome.kind === "skip"
        ? { ...run.step(node.id), finishedAt, nextAttemptAt: null, deadlineAt: null, error: null, status: StepStatus.SKIPPED }
        : {
            ...run.step(node.id),
            finishedAt,
            nextAttemptAt: null,
            deadlineAt: null,
            error: null,
            status: StepStatus.DONE,
            output: outcome.output,
            compensationInput: outcome.compensationInput,
            completionOrder: run.nextCompletionOrder(),
            events: outcome.events,
          }
    return run.checkpoint({ step, execution })
  }

  async #wait(node: StepNode, attemptStartedAt: number): Promise<void> {
    const timeout = node.policy.timeout
    const deadlineAt = timeout === undefined ? null : attemptStartedAt + timeout * 1000
    await this.#run.saveStep({ ...this.#run.step(node.id), status: StepStatus.WAITING, deadlineAt })
    if (deadlineAt !== null && timeout !== undefined) this.#run.services.armDeadline(this.key, node.id, deadlineAt, timeout)
  }

  async #failStep(node: StepNode, error: unknown, attempts: number): Promise<void> {
    const run = this.#run
    const firstFailure = !this.#failed
    this.#failed = true
    this.#cancelWaits()
    const errors = run.recordError(node.id, "invoke", error)
    const step: StepRecord = {
      ...run.step(node.id),
      status: StepStatus.FAILED,
      attempts,
      error: serializeError(error),
      compensationInput: error instanceof PermanentStepError ? error.compensateInput : undefined,
      finishedAt: run.services.clock.now(),
      completionOrder: run.nextCompletionOrder(),
      nextAttemptAt: null,
      deadlineAt: null,
    }
    await run.checkpoint({ step, execution: firstFailure ? { state: WorkflowState.COMPENSATING, errors } : { errors } })
  }

  async #finishDone(): Promise<void> {
    this.#phase = "idle"
    let result: unknown
    try {
      result = this.#run.graph.resolveResult(this.#run.scope)
    } catch (error) {
      this.#failed = true
      const errors = this.#run.recordError(RESULT_STEP_ID, "invoke", error)
      await this.#run.checkpoint({ execution: { state: WorkflowState.COMPENSATING, errors } })
      return compensateRun(this.#run)
    }
    this.#run.services.crashPoint("before-finish")
    // A nested run's events go up with its result: its parent publishes them, or drops them.
    const publish = this.#run.execution.parent === null ? eventsOfSteps(this.#run.steps.values()) : []
    await this.#run.checkpoint({ execution: this.#run.finishPatch(WorkflowState.DONE, { result }), publish })
    if (publish.length > 0) this.#run.services.onEventsPublished(publish)
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
