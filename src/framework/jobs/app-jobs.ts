import path from "node:path"
import type { Logger } from "pino"
import type { WorkerMode } from "../config/index.ts"
import type { AgoraContainer } from "../container/index.ts"
import { JobRunStore } from "./job-run-store.ts"
import { loadJobs } from "./load-jobs.ts"
import { JobScheduler } from "./scheduler.ts"

export type AppJobs = {
  readonly scheduler: JobScheduler
  /** Loads the project's job files (once); the admin API lists what is loaded. */
  load(): Promise<void>
  /** Loads the jobs, then runs them on schedule until `stop()` (except in `server` worker mode). */
  start(): Promise<void>
  /** Stops scheduling, waits for runs in progress, closes the scheduler's connections. */
  stop(): Promise<void>
}

/** The app's scheduled jobs: the files of `src/jobs`, run from every process that starts them. */
export function createAppJobs(args: {
  rootDir: string
  databaseUrl: string
  container: AgoraContainer
  logger: Logger
  /** As in Medusa, a `server` process serves HTTP only: jobs run in `shared` and `worker` processes. */
  workerMode: WorkerMode
  jobsDir?: string | undefined
}): AppJobs {
  const { logger } = args
  const store = new JobRunStore({
    url: args.databaseUrl,
    onError: (error) => logger.error({ err: error }, "job scheduler connection failed"),
  })
  const scheduler = new JobScheduler({ container: args.container, store, logger })
  let loading: Promise<void> | undefined
  let stopping: Promise<void> | undefined
  const load = () =>
    (loading ??= loadJobs(args.jobsDir ?? path.join(args.rootDir, "src", "jobs")).then((jobs) => scheduler.register(jobs)))
  return {
    scheduler,
    load,
    async start() {
      await load()
      if (args.workerMode === "server") {
        logger.info("Scheduled jobs run in worker processes: this one is in server mode")
        return
      }
      await scheduler.start()
      for (const job of scheduler.jobs) logger.info(`Scheduled job ${job.name} (${job.schedule})`)
    },
    stop: () =>
      (stopping ??= (async () => {
        await scheduler.stop()
        await store.close()
      })()),
  }
}
