import pino from "pino"
import type { AgoraContainer } from "../../../src/framework/container/index.ts"
import { JobRunStore, JobScheduler, type JobHandler, type ScheduledJob } from "../../../src/framework/jobs/index.ts"
import { ManualClock } from "../../../src/framework/orchestrator/index.ts"

/** 2026-01-01T00:00:00Z: every test clock starts here, so minute N's occurrence is `T0 + N * MINUTE`. */
export const T0 = Date.UTC(2026, 0, 1)
export const MINUTE = 60_000

export function job(name: string, handler: JobHandler, options: { schedule?: string; numberOfExecutions?: number } = {}): ScheduledJob {
  return { name, schedule: options.schedule ?? "* * * * *", numberOfExecutions: options.numberOfExecutions ?? null, handler, file: `${name}.ts` }
}

export type SchedulerProcess = { scheduler: JobScheduler; store: JobRunStore; clock: ManualClock; close(): Promise<void> }

/** A scheduler as one process runs it: its own connections to the shared database, its own clock. */
export function schedulerProcess(url: string, container: AgoraContainer, jobs: ScheduledJob[]): SchedulerProcess {
  const clock = new ManualClock(T0)
  const store = new JobRunStore({ url, onError: () => {} })
  const scheduler = new JobScheduler({ container, store, clock, logger: pino({ level: "silent" }) })
  scheduler.register(jobs)
  return {
    scheduler,
    store,
    clock,
    close: async () => {
      await scheduler.stop()
      await store.close()
    },
  }
}

export function deferred<T = void>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}
