import { OwnershipLostError } from "./errors.ts"
import { isFinalState, WorkflowState } from "./states.ts"
import type {
  AcquireRequest,
  Checkpoint,
  CreateRunResult,
  ExecutionRecord,
  ListRunsQuery,
  RunKey,
  StepRecord,
  StoredRun,
  WorkflowStorage,
} from "./storage.ts"

type Entry = { execution: ExecutionRecord; steps: Map<string, StepRecord> }
type Mutable<T> = { -readonly [K in keyof T]: T[K] }

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
}

/** Keeps runs in this process. Tests and single-process set-ups; shareable by several engines. */
export class MemoryWorkflowStorage implements WorkflowStorage {
  /** Runs by workflow id, then transaction id (no composite string key to build per checkpoint). */
  readonly #runs = new Map<string, Map<string, Entry>>()
  /** Finished runs, oldest first. */
  readonly #finished = new Set<Entry>()
  readonly #copy: <T>(value: T) => T
  readonly #maxFinishedRuns: number

  constructor(options: MemoryWorkflowStorageOptions = {}) {
    this.#copy = options.serialize === true ? structuredClone : (value) => value
    this.#maxFinishedRuns = options.maxFinishedRuns ?? 10_000
  }

  async create(execution: ExecutionRecord): Promise<CreateRunResult> {
    const existing = this.#get(execution)
    if (existing !== undefined) return { created: false, existing: this.#snapshot(existing) }
    let ofWorkflow = this.#runs.get(execution.workflowId)
    if (ofWorkflow === undefined) this.#runs.set(execution.workflowId, (ofWorkflow = new Map()))
    // The entry's execution is its own object, updated in place by checkpoints (no copy per step).
    ofWorkflow.set(execution.transactionId, { execution: { ...this.#copy(execution) }, steps: new Map() })
    return { created: true }
  }

  async load(workflowId: string, transactionId: string): Promise<StoredRun | undefined> {
    const entry = this.#get({ workflowId, transactionId })
    return entry === undefined ? undefined : this.#snapshot(entry)
  }

  async checkpoint(checkpoint: Checkpoint): Promise<void> {
    const entry = this.#get(checkpoint)
    if (entry === undefined) throw new Error(`Run ${checkpoint.workflowId}/${checkpoint.transactionId} does not exist`)
    if (entry.execution.owner !== checkpoint.owner) {
      throw new OwnershipLostError(checkpoint.workflowId, checkpoint.transactionId)
    }
    if (checkpoint.step !== undefined) entry.steps.set(checkpoint.step.stepId, this.#copy(checkpoint.step))
    const execution = entry.execution as Mutable<ExecutionRecord>
    if (checkpoint.execution !== undefined) Object.assign(execution, this.#copy(checkpoint.execution))
    execution.heartbeatAt = checkpoint.at
    execution.updatedAt = checkpoint.at
    if (isFinalState(entry.execution.state)) this.#rememberFinished(entry)
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

  #rememberFinished(entry: Entry): void {
    this.#finished.delete(entry)
    this.#finished.add(entry)
    for (const oldest of this.#finished) {
      if (this.#finished.size <= this.#maxFinishedRuns) break
      this.#forget(oldest)
    }
  }

  #get(key: RunKey): Entry | undefined {
    return this.#runs.get(key.workflowId)?.get(key.transactionId)
  }

  *#entries(): Generator<Entry> {
    for (const ofWorkflow of this.#runs.values()) yield* ofWorkflow.values()
  }

  #forget(entry: Entry): void {
    const { workflowId, transactionId } = entry.execution
    const ofWorkflow = this.#runs.get(workflowId)
    ofWorkflow?.delete(transactionId)
    if (ofWorkflow?.size === 0) this.#runs.delete(workflowId)
    this.#finished.delete(entry)
  }

  #snapshot(entry: Entry): StoredRun {
    // A copy: the entry's execution changes in place with later checkpoints.
    return { execution: { ...this.#copy(entry.execution) }, steps: this.#copy([...entry.steps.values()]) }
  }
}
