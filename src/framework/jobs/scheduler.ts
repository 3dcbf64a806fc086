import type { Logger } from "pino"
import type { AgoraContainer } from "../container/index.ts"
import { AgoraError } from "../errors/index.ts"
import { systemClock, type Clock } from "../orchestrator/index.ts"
import type { JobRunStore } from "./job-run-store.ts"
import { parseSchedule, type JobSchedule } from "./schedule.ts"
import { JobRunStatus, type JobRun, type JobRunError, type ScheduledJob } from "./types.ts"

/** The key under which the app registers its scheduler. */
export const JOB_SCHEDULER_KEY = "jobScheduler"

// setTimeout holds at most ~24.8 days; a later occurrence is reached in several waits.
const MAX_WAIT_MS = 24 * 60 * 60 * 1000

/** What one due tick of one job came to in this process. */
export type TickOutcome = {
  job: string
  scheduledAt: number
  /**
   * `succeeded`/`failed`: this process ran it. `skipped`: the previous run was still going (recorded).
   * `duplicate`: another process already took this tick. `exhausted`: numberOfExecutions reached.
   * `error`: the database could not be reached to claim the tick (logged, retried next tick).
   */
  outcome: "succeeded" | "failed" | "skipped" | "duplicate" | "exhausted" | "error"
  run?: JobRun
}

/** A loaded job as the admin API lists it. */
export type JobStatus = {
  name: string
  schedule: string
  numberOfExecutions: number | null
  lastRun: JobRun | null
  nextRunAt: number | null
}

type JobState = {
  job: ScheduledJob
  schedule: JobSchedule
  nextRunAt: number | null
  /** True while this process runs the job (and holds its lock). */
  running: boolean
}

/**
 * Runs each job at its cron occurrences. Every tick is claimed in PostgreSQL, so any number of
 * processes may run a scheduler on one database: a tick runs once, a job never overlaps itself.
 * Time comes from an injectable clock, and `runDue(now)` runs a tick on demand.
 */
export class JobScheduler {
  readonly #container: AgoraContainer
  readonly #store: JobRunStore
  readonly #clock: Clock
  readonly #logger: Logger
  readonly #states = new Map<string, JobState>()
  readonly #inFlight = new Set<Promise<unknown>>()
  #started = false
  #cancelTimer: (() => void) | undefined

  constructor(options: { container: AgoraContainer; store: JobRunStore; logger: Logger; clock?: Clock }) {
    this.#container = options.container
    this.#store = options.store
    this.#logger = options.logger
    this.#clock = options.clock ?? systemClock
  }

  /** True between `start()` and `stop()`: the timer runs the jobs. */
  get started(): boolean {
    return this.#started
  }

  get jobs(): ScheduledJob[] {
    return [...this.#states.values()].map((state) => state.job)
  }

  /** Adds jobs; a name already registered is refused. */
  register(jobs: readonly ScheduledJob[]): void {
    for (const job of jobs) {
      const known = this.#states.get(job.name)
      if (known) throw new Error(`Job "${job.name}" of ${job.file} is already registered from ${known.job.file}`)
      const schedule = parseSchedule(job.schedule)
      this.#states.set(job.name, { job, schedule, nextRunAt: schedule.next(this.#clock.now()), running: false })
    }
    this.#arm()
  }

  /** Schedules every job from now on; jobs that already ran `numberOfExecutions` times stay idle. */
  async start(): Promise<void> {
    const counts = await this.#store.executionCounts([...this.#states.keys()])
    const now = this.#clock.now()
    for (const state of this.#states.values()) {
      const limit = state.job.numberOfExecutions
      state.nextRunAt = limit !== null && (counts.get(state.job.name) ?? 0) >= limit ? null : state.schedule.next(now)
    }
    this.#started = true
    this.#arm()
  }

  /** Stops scheduling and waits for the runs in progress. */
  async stop(): Promise<void> {
    this.#started = false
    this.#cancelTimer?.()
    this.#cancelTimer = undefined
    await this.whenIdle()
  }

  /** Resolves once no tick of this scheduler is in progress. */
  async whenIdle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight])
  }

  /**
   * Runs every job whose next occurrence is at or before `now`, once, for its latest occurrence
   * (occurrences missed while the process slept are not caught up). Resolves when those runs end.
   */
  runDue(now: number = this.#clock.now()): Promise<TickOutcome[]> {
    const ticks: Promise<TickOutcome>[] = []
    for (const state of this.#states.values()) {
      if (state.nextRunAt === null || state.nextRunAt > now) continue
      const scheduledAt = state.schedule.latest(now) ?? state.nextRunAt
      state.nextRunAt = state.schedule.next(now)
      ticks.push(this.#track(this.#tick(state, scheduledAt)))
    }
    this.#arm()
    return Promise.all(ticks)
  }

  /** Each job with its latest run and its next occurrence (null once it will not run again). */
  async describe(): Promise<JobStatus[]> {
    const names = [...this.#states.keys()]
    const [lastRuns, counts] = await Promise.all([this.#store.lastRuns(names), this.#store.executionCounts(names)])
    const now = this.#clock.now()
    return [...this.#states.values()].map(({ job, schedule, nextRunAt }) => {
      const exhausted = job.numberOfExecutions !== null && (counts.get(job.name) ?? 0) >= job.numberOfExecutions
      // A scheduler that was never started (a test, a script) still tells when the job would run.
      const next = exhausted ? null : nextRunAt !== null && nextRunAt > now ? nextRunAt : schedule.next(now)
      return {
        name: job.name,
        schedule: job.schedule,
        numberOfExecutions: job.numberOfExecutions,
        lastRun: lastRuns.get(job.name) ?? null,
        nextRunAt: next,
      }
    })
  }

  /** A job's recorded runs, latest tick first; an unknown job is a not_found error. */
  async listRuns(name: string, query: { status?: readonly JobRunStatus[] | undefined; take: number; skip: number }) {
    if (!this.#states.has(name)) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Job with name: ${name} was not found`)
    return this.#store.listRuns(name, query)
  }

  async #tick(state: JobState, scheduledAt: number): Promise<TickOutcome> {
    const { job } = state
    const base = { job: job.name, scheduledAt }
    try {
      if (state.running) {
        // This process holds the job's lock: the tick is skipped, unless another process recorded it first.
        const run = await this.#store.recordSkip(job.name, scheduledAt, this.#clock.now())
        if (run) this.#warnSkipped(job.name, scheduledAt)
        return run ? { ...base, outcome: "skipped", run } : { ...base, outcome: "duplicate" }
      }
      const claim = await this.#store.claim(job.name, scheduledAt, this.#clock.now(), job.numberOfExecutions)
      if (claim.outcome === "exhausted") state.nextRunAt = null
      if (claim.outcome === "skipped") {
        this.#warnSkipped(job.name, scheduledAt)
        return { ...base, outcome: "skipped", run: claim.run }
      }
      if (claim.outcome !== "run") return { ...base, outcome: claim.outcome }

      state.running = true
      try {
        const { status, error } = await this.#execute(job)
        if (job.numberOfExecutions !== null && claim.executions >= job.numberOfExecutions) state.nextRunAt = null
        const finishedAt = this.#clock.now()
        await claim.finish(status, error, finishedAt)
        return { ...base, outcome: status, run: { ...claim.run, status, error, finishedAt } }
      } finally {
        state.running = false
      }
    } catch (error) {
      this.#logger.error({ err: error }, `Job ${job.name}: could not record the ${iso(scheduledAt)} run`)
      return { ...base, outcome: "error" }
    }
  }

  async #execute(job: ScheduledJob): Promise<{ status: "succeeded" | "failed"; error: JobRunError | null }> {
    const startedAt = this.#clock.now()
    try {
      await job.handler(this.#container)
      this.#logger.info(`Job ${job.name} succeeded in ${this.#clock.now() - startedAt} ms`)
      return { status: JobRunStatus.SUCCEEDED, error: null }
    } catch (error) {
      this.#logger.error({ err: error }, `Job ${job.name} failed`)
      return { status: JobRunStatus.FAILED, error: toRunError(error) }
    }
  }

  #warnSkipped(name: string, scheduledAt: number): void {
    this.#logger.warn(`Job ${name}: skipped the ${iso(scheduledAt)} run, the previous run is still going`)
  }

  #track<T>(work: Promise<T>): Promise<T> {
    this.#inFlight.add(work)
    void work.finally(() => this.#inFlight.delete(work)).catch(() => {})
    return work
  }

  #arm(): void {
    this.#cancelTimer?.()
    this.#cancelTimer = undefined
    if (!this.#started) return
    let earliest: number | undefined
    for (const { nextRunAt } of this.#states.values()) {
      if (nextRunAt !== null && (earliest === undefined || nextRunAt < earliest)) earliest = nextRunAt
    }
    if (earliest === undefined) return
    const wait = Math.min(Math.max(earliest - this.#clock.now(), 0), MAX_WAIT_MS)
    this.#cancelTimer = this.#clock.setTimer(wait, () => {
      this.#cancelTimer = undefined
      void this.runDue()
    })
  }
}

function toRunError(error: unknown): JobRunError {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack }
  return { name: "Error", message: typeof error === "string" ? error : (JSON.stringify(error) ?? String(error)) }
}

function iso(ms: number): string {
  return new Date(ms).toISOString()
}
