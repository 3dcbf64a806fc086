import type { SerializedError } from "./errors.ts"
import type { ExecutionRecord, StepRecord } from "./storage.ts"

/** A run as `MemoryWorkflowStorage` keeps it. */
export type MemoryRunEntry = {
  execution: ExecutionRecord
  /** Dropped once the run is an older finished one (see `compact`). */
  steps: Map<string, StepRecord> | undefined
  /** Its place in the queue of finished runs; 0 while it is not finished. */
  finishedSeq: number
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/**
 * The finished runs of a memory storage, in the order they finished. The oldest are forgotten
 * beyond `maxRuns`; all but the `maxWithSteps` most recent are compacted. A queue, not a Set:
 * with thousands of runs, finding a Set's oldest entry scans the holes its deletions left.
 */
export class FinishedRuns {
  readonly #maxRuns: number
  readonly #maxWithSteps: number
  #queue: (MemoryRunEntry | undefined)[] = []
  /** The `finishedSeq` each queued item stands for: an item whose run finished again, or runs again, is stale. */
  #seqs: number[] = []
  #head = 0
  #lastSeq = 0
  #count = 0

  constructor(maxRuns: number, maxWithSteps: number) {
    this.#maxRuns = maxRuns
    this.#maxWithSteps = Math.min(maxWithSteps, maxRuns)
  }

  /** Records that the run finished (again); returns the runs to forget now, oldest first. */
  add(entry: MemoryRunEntry): MemoryRunEntry[] {
    if (entry.finishedSeq === 0) this.#count++
    entry.finishedSeq = ++this.#lastSeq
    this.#queue.push(entry)
    this.#seqs.push(entry.finishedSeq)
    const leavingWindow = this.#queue.length - 1 - this.#maxWithSteps
    if (leavingWindow >= this.#head) {
      const older = this.#queue[leavingWindow]
      // A nested run keeps its steps: its parent may still compensate it.
      if (older !== undefined && older.finishedSeq === this.#seqs[leavingWindow] && older.execution.parent === null) compact(older)
    }
    const forget: MemoryRunEntry[] = []
    while (this.#count > this.#maxRuns) {
      const oldest = this.#shift()
      if (oldest === undefined) break
      this.remove(oldest)
      forget.push(oldest)
    }
    return forget
  }

  /** The run is forgotten, or is active again (a nested run its parent compensates). */
  remove(entry: MemoryRunEntry): void {
    if (entry.finishedSeq === 0) return
    entry.finishedSeq = 0
    this.#count--
    // Stale items hold on to their runs: do not let them pile up (after `deleteExpired`, say).
    if (this.#queue.length - this.#head > 2 * this.#count + 1024) this.#dropStale()
  }

  #shift(): MemoryRunEntry | undefined {
    while (this.#head < this.#queue.length) {
      const entry = this.#queue[this.#head]
      const seq = this.#seqs[this.#head]
      this.#queue[this.#head] = undefined
      this.#head++
      if (entry !== undefined && entry.finishedSeq === seq) {
        if (this.#head > 1024 && this.#head * 2 > this.#queue.length) this.#dropStale()
        return entry
      }
    }
    return undefined
  }

  #dropStale(): void {
    const queue: MemoryRunEntry[] = []
    const seqs: number[] = []
    for (let i = this.#head; i < this.#queue.length; i++) {
      const entry = this.#queue[i]
      const seq = this.#seqs[i]
      if (entry !== undefined && seq !== undefined && entry.finishedSeq === seq) {
        queue.push(entry)
        seqs.push(seq)
      }
    }
    this.#queue = queue
    this.#seqs = seqs
    this.#head = 0
  }
}

/**
 * Keeps a finished run's outcome only: no steps, and errors without their stack frames (a stack not
 * formatted yet holds on to every frame it captured; formatting it would cost more than keeping it).
 */
function compact(entry: MemoryRunEntry): void {
  entry.steps = undefined
  const execution = entry.execution as Mutable<ExecutionRecord>
  if (execution.errors.length > 0) {
    execution.errors = execution.errors.map((stored) => ({ ...stored, error: withoutFrames(stored.error) }))
  }
}

function withoutFrames(error: SerializedError): SerializedError {
  const { name, message, type, code } = error
  return { name, message, stack: `${name}: ${message}`, type, code }
}
