import { execFile } from "node:child_process"
import path from "node:path"
import { promisify } from "node:util"
import { afterEach, describe, expect, test } from "vitest"
import { startTestApp, type TestApp } from "../../setup/test-app.ts"

let t: TestApp | undefined
afterEach(async () => {
  await t?.close()
  t = undefined
})

describe("the app's jobs", () => {
  test("start() loads src/jobs and schedules them; closing the app stops the scheduler", async () => {
    t = await startTestApp({ modules: [] })
    const { jobs } = t.app

    await jobs.start()
    expect(jobs.scheduler.started).toBe(true)
    expect(jobs.scheduler.jobs.map((job) => job.name)).toContain("workflow-retention")

    await t.close()
    expect(jobs.scheduler.started).toBe(false)
  })

  test("a process in server worker mode lists its jobs but leaves running them to the workers", async () => {
    t = await startTestApp({ modules: [], projectConfig: { workerMode: "server" } })

    await t.app.jobs.start()

    expect(t.app.jobs.scheduler.started).toBe(false)
    expect(t.app.jobs.scheduler.jobs.map((job) => job.name)).toContain("workflow-retention")
  })

  test("a started scheduler's timer does not keep the process alive", async () => {
    t = await startTestApp({ modules: [] })
    const script = path.resolve(import.meta.dirname, "../../fixtures/jobs/idle-scheduler.ts")

    const { stdout } = await promisify(execFile)(process.execPath, [script, t.app.databaseUrl], { timeout: 15_000 })

    expect(stdout.trim()).toBe("started")
  })
})
