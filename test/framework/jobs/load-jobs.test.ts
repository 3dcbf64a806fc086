import path from "node:path"
import { describe, expect, test } from "vitest"
import { JobDefinitionError, loadJobs } from "../../../src/framework/jobs/index.ts"
import { PROJECT_ROOT } from "../../setup/test-app.ts"

const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures/jobs")
const invalid = (folder: string) => loadJobs(path.join(FIXTURES, "invalid", folder))

describe("loadJobs", () => {
  test("loads every job file of a folder, sub-folders included, with its config and handler", async () => {
    const jobs = await loadJobs(path.join(FIXTURES, "valid"))

    expect(jobs.map(({ name, schedule, numberOfExecutions }) => ({ name, schedule, numberOfExecutions }))).toEqual([
      { name: "always-fails", schedule: "*/5 * * * *", numberOfExecutions: null },
      { name: "every-minute", schedule: "* * * * *", numberOfExecutions: null },
      { name: "nightly-report", schedule: "0 3 * * *", numberOfExecutions: 2 },
    ])
    expect(jobs.every((job) => typeof job.handler === "function")).toBe(true)
    expect(jobs[2]?.file).toBe(path.join("test", "fixtures", "jobs", "valid", "reports", "nightly-report.ts"))
  })

  test("the project's own jobs: workflow retention, hourly", async () => {
    const jobs = await loadJobs(path.join(PROJECT_ROOT, "src", "jobs"))
    expect(jobs.find((job) => job.name === "workflow-retention")).toMatchObject({ schedule: "0 * * * *", numberOfExecutions: null })
  })

  test("a folder that does not exist holds no jobs", async () => {
    expect(await loadJobs(path.join(FIXTURES, "absent"))).toEqual([])
  })

  test.each([
    ["bad-cron", 'config.schedule "61 * * * *" is not a valid cron expression (CronPattern: Invalid value for minute: 61)'],
    ["missing-name", "config.name is required (a non-empty string)"],
    ["no-default", "the default export must be the job's function, async (container) => {}"],
    ["no-config", "export const config = { name, schedule } is missing"],
    ["bad-executions", "config.numberOfExecutions must be a positive integer"],
  ])("a job file with %s is refused with the file and the field", async (folder, reason) => {
    const file = path.join("test", "fixtures", "jobs", "invalid", folder, "cleanup.ts")
    const error = await invalid(folder).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(JobDefinitionError)
    expect(error).toMatchObject({ file, message: `Job ${file}: ${reason}` })
  })

  test("two jobs with one name are refused, naming both files", async () => {
    const dir = path.join("test", "fixtures", "jobs", "invalid", "duplicate-name")
    await expect(invalid("duplicate-name")).rejects.toThrow(
      `Job ${path.join(dir, "b-cleanup.ts")}: config.name "cleanup" is already used by ${path.join(dir, "a-cleanup.ts")}`,
    )
  })
})
