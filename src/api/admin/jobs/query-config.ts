import type { QueryConfigOptions } from "../../../framework/http/index.ts"

const jobFields = ["name", "schedule", "number_of_executions", "last_run", "next_run_at"]
const runFields = ["id", "job_name", "status", "scheduled_at", "started_at", "finished_at", "error"]

export const listJobsQueryConfig: QueryConfigOptions = { defaults: jobFields, allowed: jobFields, isList: true, defaultLimit: 50 }

export const listJobRunsQueryConfig: QueryConfigOptions = { defaults: runFields, allowed: runFields, isList: true, defaultLimit: 20 }
