import type { JobRun, JobStatus } from "../../../framework/jobs/index.ts"

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

const pick = (all: Record<string, unknown>, fields: readonly string[]) =>
  Object.fromEntries(fields.filter((field) => field in all).map((field) => [field, all[field]]))

/** A run as the admin API shows it: snake_case, ISO times. */
export function runToWire(run: JobRun, fields: readonly string[]): Record<string, unknown> {
  return pick(
    {
      id: run.id,
      job_name: run.jobName,
      status: run.status,
      scheduled_at: iso(run.scheduledAt),
      started_at: iso(run.startedAt),
      finished_at: iso(run.finishedAt),
      error: run.error,
    },
    fields,
  )
}

export function jobToWire(job: JobStatus, fields: readonly string[]): Record<string, unknown> {
  return pick(
    {
      name: job.name,
      schedule: job.schedule,
      number_of_executions: job.numberOfExecutions,
      last_run:
        job.lastRun === null ? null : runToWire(job.lastRun, ["id", "scheduled_at", "started_at", "finished_at", "status", "error"]),
      next_run_at: iso(job.nextRunAt),
    },
    fields,
  )
}
