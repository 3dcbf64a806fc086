import type { Clock } from "./clock.ts"
import { serializeError } from "./errors.ts"
import { reportFromStored, type RunReport } from "./run-report.ts"
import { WorkflowState } from "./states.ts"
import type { ExecutionPatch, RunKey, StoredRun, WorkflowStorage } from "./storage.ts"

/**
 * Ownership of runs in a shared storage. An engine works on a run only while it owns it; an owner
 * that has not checkpointed for `staleAfterMs` is presumed dead, and its runs may be taken over.
 */
export class RunLeases {
  readonly #storage: WorkflowStorage
  readonly #clock: Clock
  readonly #owner: string
  readonly #staleAfterMs: number

  constructor(storage: WorkflowStorage, clock: Clock, owner: string, staleAfterMs: number) {
    this.#storage = storage
    this.#clock = clock
    this.#owner = owner
    this.#staleAfterMs = staleAfterMs
  }

  /** The run, now ours; undefined if a live engine owns it. `force` takes it from any owner. */
  acquire(key: RunKey, options: { force: boolean }): Promise<StoredRun | undefined> {
    const now = this.#clock.now()
    const staleBefore = options.force ? Number.POSITIVE_INFINITY : this.staleBefore()
    return this.#storage.acquire({ workflowId: key.workflowId, transactionId: key.transactionId, owner: this.#owner, now, staleBefore })
  }

  /** Tells other engines this owner is alive, while a step runs longer than a checkpoint apart. */
  renew(key: RunKey): Promise<void> {
    return this.#write(key, undefined)
  }

  /** Renewals must come this often for a live owner never to look dead. */
  get renewEveryMs(): number {
    return this.#staleAfterMs / 3
  }

  /**
   * How old a run's heartbeat may be before a checkpoint moves it (most checkpoints then leave it,
   * and the run's row, indexes untouched). Half the renewal interval: the renewals keep the
   * heartbeat fresh whatever the checkpoints do, and even if they stopped, a run checkpointed
   * moments ago would still have 5/6 of `staleAfter` before it could look dead.
   */
  get checkpointRefreshMs(): number {
    return this.renewEveryMs / 2
  }

  release(key: RunKey): Promise<void> {
    return this.#write(key, { owner: null })
  }

  /** Heartbeats older than this belong to dead owners. */
  staleBefore(): number {
    return this.#clock.now() - this.#staleAfterMs
  }

  /** Ends a run that can neither continue nor be compensated automatically. */
  async deadLetter(stored: StoredRun, reason: string): Promise<RunReport> {
    const { workflowId, transactionId } = stored.execution
    const error = new Error(`Run ${workflowId}/${transactionId} cannot continue: ${reason}`)
    const errors = [...stored.execution.errors, { stepId: "workflow-definition", action: "invoke" as const, error: serializeError(error) }]
    const patch = { state: WorkflowState.DEAD_LETTER, errors, owner: null, finishedAt: this.#clock.now() }
    await this.#write(stored.execution, patch)
    return reportFromStored({ execution: { ...stored.execution, ...patch }, steps: stored.steps })
  }

  #write(key: RunKey, execution: ExecutionPatch | undefined): Promise<void> {
    const { workflowId, transactionId } = key
    return this.#storage.checkpoint({ workflowId, transactionId, owner: this.#owner, at: this.#clock.now(), execution })
  }
}
