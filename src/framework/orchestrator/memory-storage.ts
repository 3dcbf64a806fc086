import { OwnershipLostError } from "./errors.ts"
import { FinishedRuns, type MemoryRunEntry } from "./memory-finished-runs.ts"
import { isFinalState, WorkflowState } from "./states.ts"
import {
  WRITTEN,
  type AcquireRequest,
  type Checkpoint,
  type CreateRunResult,
  type ExecutionRecord,
  type ListRunsQuery,
  type RunKey,
  type StepRecord,
  type StoredRun,
  type WorkflowStorage,
} from "./storage.ts"

type Entry = MemoryRunEntry
type Mutable<T> = { -readonly [K in keyof T]: T[K] }

const CREATED: Promise<CreateRunResult> = Promise.resolve(Object.freeze({ created: true }))

export type MemoryWorkflowStorageOptions = {
  /**
   * Copy values in and out with `structuredClone`, as a database would: outputs read back are
   * then new objects, and values that cannot be stored fail loudly. Off by default, for speed.
   */
  readonly serialize?: boolean
  /**
   * Finished runs kept at most (the oldest finished are forgotten first), so that a long-running
   * process stays bounded whatever the retention times. Default 10,000.
   */
  readonly maxFinishedRuns?: number
  /**
   * Finished runs (the most recent) kept whole. Older ones keep their execution record only (state,
   * result, errors without stack frames): enough to answer their transaction id, and far less for
   * the garbage collector to carry. A nested run keeps its steps, which its parent may still
   * compensate. Default 100.
   */
  readonly maxFinishedRunsWithSteps?: number
}

/** Keeps runs in this process. Tests and single-process set-ups; shareable by several engines. */
export class MemoryWorkflowStorage implements WorkflowStorage {
  /** Runs by workflow id, then transaction id (no composite string key to build per checkpoint). */
  readonly #runs = new Map<string, Map<string, Entry>>()
  readonly #finished: FinishedRuns
  readonly #copy: <T>(value: T) => T
  /** The run last looked up: a run's checkpoints come one after another, no need to hash its ids each time. */
  #last: Entry | undefined

  constructor(options: MemoryWorkflowStorageOptions = {}) {
    this.#copy = options.serialize === true ? structuredClone : (value) => value
    this.#finished = new FinishedRuns(options.maxFinishedRuns ?? 10_000, options.maxFinishedRunsWithSteps ?? 100)
  }

  // Not async: one promise, already settled, for the common case.
  create(execution: ExecutionRecord): Promise<CreateRunResult> {
    try {
      return this.#create(execution)
    } catch (error) {
      return Promise.reject(error)
    }
  }

  #create(execution: ExecutionRecord): Promise<CreateRunResult> {
    const existing = this.#get(execution)
    if (existing !== undefined) return Promise.resolve({ created: false, existing: this.#snapshot(existing) })
    let ofWorkflow = this.#runs.get(execution.workflowId)
    if (ofWorkflow === undefined) this.#runs.set(execution.workflowId, (ofWorkflow = new Map()))
    // The entry's execution is its own object, updated in place by checkpoints (no copy per step).
    ofWorkflow.set(execution.transactionId, { execution: { ...this.#copy(execution) }, steps: new Map(), finishedSeq: 0 })
    return CREATED
  }

  async load(workflowId: string, transactionId: string): Promise<StoredRun | undefined> {
    const entry = this.#get({ workflowId, transactionId })
    return entry === undefined ? undefined : this.#snapshot(entry)
  }

  // Not async: the write is done when this returns, and `WRITTEN` says so (see storage.ts).
  checkpoint(checkpoint: Checkpoint): Promise<void> {
    try {
      this.#checkpoint(checkpoint)
      return WRITTEN
    } catch (error) {
      return Promise.reject(error)
    }
  }

  #checkpoint(checkpoint: Checkpoint): void {
    const entry = this.#get(checkpoint)
    if (entry === undefined) throw new Error(`Run ${checkpoint.workflowId}/${checkpoint.transactionId} does not exist`)
    if (entry.execution.owner !== checkpoint.owner) {
      throw new OwnershipLostError(checkpoint.workflowId, checkpoint.transactionId)
    }
    if (checkpoint.deferred !== undefined) for (const step of checkpoint.deferred) this.#stepsOf(entry).set(step.stepId, this.#copy(step))
    if (checkpoint.step !== undefined) this.#stepsOf(entry).set(checkpoint.step.stepId, this.#copy(checkpoint.step))
    const execution = entry.execution as Mutable<ExecutionRecord>
    if (checkpoint.execution !== undefined) Object.assign(execution, this.#copy(checkpoint.execution))
    const { refreshHeartbeatBefore } = checkpoint
    if (refreshHeartbeatBefore === undefined || execution.heartbeatAt < refreshHeartbeatBefore) execution.heartbeatAt = checkpoint.at
    execution.updatedAt = checkpoint.at
    if (isFinalState(entry.execution.state)) {
      for (const forgotten of this.#finished.add(entry)) this.#forget(forgotten)
    } else if (checkpoint.execution !== undefined) {
      // A finished nested run that its parent compensates is active again: not to be forgotten meanwhile.
      this.#finished.remove(entry)
    }
  }

  async acquire(request: AcquireRequest): Promise<StoredRun | undefined> {
    const entry = this.#get(request)
    if (entry === undefined) return undefined
    const { owner, heartbeatAt, recoveryAttempts } = entry.execution
    const free = owner === null || owner === request.owner || heartbeatAt < request.staleBefore
    if (!free) return undefined
    const takenOver = owner !== null && owner !== request.owner
    entry.execution = {
      ...entry.execution,
      owner: request.owner,
      heartbeatAt: request.now,
      recoveryAttempts: recoveryAttempts + (takenOver ? 1 : 0),
    }
    return this.#snapshot(entry)
  }

  async listRecoverable(query: { readonly staleBefore: number; readonly limit: number }): Promise<RunKey[]> {
    const found: RunKey[] = []
    for (const { execution } of this.#entries()) {
      if (found.length >= query.limit) break
      const parked = execution.state === WorkflowState.WAITING && execution.owner === null
      const abandoned = !isFinalState(execution.state) && execution.heartbeatAt < query.staleBefore
      if (parked || abandoned) found.push({ workflowId: execution.workflowId, transactionId: execution.transactionId })
    }
    return found
  }

  async deleteExpired(now: number): Promise<number> {
    let deleted = 0
    for (const entry of [...this.#entries()]) {
      const { retainUntil } = entry.execution
      if (retainUntil !== null && retainUntil <= now) {
        this.#forget(entry)
        deleted++
      }
    }
    return deleted
  }

  async loadById(id: string): Promise<StoredRun | undefined> {
    for (const entry of this.#entries()) if (entry.execution.id === id) return this.#snapshot(entry)
    return undefined
  }

  async list(query: ListRunsQuery): Promise<{ runs: ExecutionRecord[]; count: number }> {
    const matches = (allowed: readonly string[] | undefined, value: string) => allowed === undefined || allowed.includes(value)
    const found = [...this.#entries()]
      .map((entry) => entry.execution)
      .filter((e) => matches(query.workflowId, e.workflowId) && matches(query.transactionId, e.transactionId) && matches(query.state, e.state))
      .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1))
    return { runs: found.slice(query.skip, query.skip + query.take).map((e) => this.#copy(e)), count: found.length }
  }

  /** Only a run that will never run again loses its steps; a step written anyway starts a new list. */
  #stepsOf(entry: Entry): Map<string, StepRecord> {
    entry.steps ??= new Map()
    return entry.steps
  }

  #get(key: RunKey): Entry | undefined {
    const last = this.#last
    if (last !== undefined && last.execution.transactionId === key.transactionId && last.execution.workflowId === key.workflowId) return last
    const entry = this.#runs.get(key.workflowId)?.get(key.transactionId)
    if (entry !== undefined) this.#last = entry
    return entry
  }

  *#entries(): Generator<Entry> {
    for (const ofWorkflow of this.#runs.values()) yield* ofWorkflow.values()
  }

  #forget(entry: Entry): void {
    const { workflowId, transactionId } = entry.execution
    const ofWorkflow = this.#runs.get(workflowId)
    ofWorkflow?.delete(transactionId)
    if (ofWorkflow?.size === 0) this.#runs.delete(workflowId)
    if (this.#last === entry) this.#last = undefined
    this.#finished.remove(entry)
  }

  #snapshot(entry: Entry): StoredRun {
    // A copy: the entry's execution changes in place with later checkpoints.
    const steps = entry.steps === undefined ? [] : this.#copy([...entry.steps.values()])
    return { execution: { ...this.#copy(entry.execution) }, steps }
  }
}
