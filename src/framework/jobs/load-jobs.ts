import { existsSync, readdirSync } from "node:fs"
import path from "node:path"
import { pathToFileURL } from "node:url"
import { z } from "zod"
import { parseSchedule } from "./schedule.ts"
import type { JobHandler, ScheduledJob } from "./types.ts"

/** A job file that the loader refuses: the message names the file and the field. */
export class JobDefinitionError extends Error {
  readonly file: string

  constructor(file: string, message: string) {
    super(`Job ${file}: ${message}`)
    this.name = "JobDefinitionError"
    this.file = file
  }
}

const JobConfigSchema = z.object({
  name: z.string({ error: "is required (a non-empty string)" }).trim().min(1, "is required (a non-empty string)"),
  schedule: z.string({ error: "is required (a cron expression)" }).trim().min(1, "is required (a cron expression)"),
  numberOfExecutions: z
    .number({ error: "must be a positive integer" })
    .int("must be a positive integer")
    .positive("must be a positive integer")
    .optional(),
})

/** The jobs of a folder (`src/jobs`, recursively): one per file, validated, names unique. */
export async function loadJobs(dir: string): Promise<ScheduledJob[]> {
  const jobs: ScheduledJob[] = []
  for (const file of sourceFiles(dir)) {
    const exported: Record<string, unknown> = await import(pathToFileURL(file).href)
    const job = toScheduledJob(path.relative(process.cwd(), file) || file, exported)
    const clash = jobs.find((known) => known.name === job.name)
    if (clash) throw new JobDefinitionError(job.file, `config.name "${job.name}" is already used by ${clash.file}`)
    jobs.push(job)
  }
  return jobs
}

/** Checks one job file's exports: a default handler and `config = { name, schedule, numberOfExecutions? }`. */
export function toScheduledJob(file: string, exported: Record<string, unknown>): ScheduledJob {
  const handler = exported.default
  if (typeof handler !== "function") {
    throw new JobDefinitionError(file, "the default export must be the job's function, async (container) => {}")
  }
  if (typeof exported.config !== "object" || exported.config === null) {
    throw new JobDefinitionError(file, "export const config = { name, schedule } is missing")
  }
  const parsed = JobConfigSchema.safeParse(exported.config)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new JobDefinitionError(file, `config.${issue?.path.join(".") ?? "?"} ${issue?.message ?? "is invalid"}`)
  }
  const { name, schedule, numberOfExecutions } = parsed.data
  try {
    parseSchedule(schedule)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new JobDefinitionError(file, `config.schedule "${schedule}" is not a valid cron expression (${reason})`)
  }
  return { name, schedule, numberOfExecutions: numberOfExecutions ?? null, handler: handler as JobHandler, file }
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|js|mts|mjs)$/.test(entry.name) && !/\.(d|test|spec)\.[mc]?[tj]s$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort()
}
