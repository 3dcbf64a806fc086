import type { AgoraContainer } from "../container/index.ts"

/** What a job file exports as `config`: Medusa's shape. */
export type JobConfig = {
  /** Unique among the project's jobs: runs are recorded, locked and listed under it. */
  name: string
  /** A cron expression (5 fields, or 6 with seconds first), read in the server's time zone. */
  schedule: string
  /** Stop the job after this many runs, counted over its recorded history. */
  numberOfExecutions?: number
}

/** What a job file exports as default. */
export type JobHandler = (container: AgoraContainer) => Promise<void> | void

/** A job as the scheduler knows it: its config, handler and the file it came from. */
export type ScheduledJob = {
  readonly name: string
  readonly schedule: string
  readonly numberOfExecutions: number | null
  readonly handler: JobHandler
  readonly file: string
}

export const JobRunStatus = {
  RUNNING: "running",
  SUCCEEDED: "succeeded",
  FAILED: "failed",
  /** The tick came while the previous run (in this or another process) was still running. */
  SKIPPED: "skipped",
} as const
export type JobRunStatus = (typeof JobRunStatus)[keyof typeof JobRunStatus]

/** A stored error: enough to diagnose a failure without the original class. */
export type JobRunError = { name: string; message: string; stack?: string | undefined }

/** One tick of one job, as recorded in `job_run`. Times are epoch milliseconds. */
export type JobRun = {
  id: string
  jobName: string
  /** The cron occurrence this run answers: one row per (job, occurrence) across every process. */
  scheduledAt: number
  status: JobRunStatus
  startedAt: number
  finishedAt: number | null
  error: JobRunError | null
}
