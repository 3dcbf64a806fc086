import path from "node:path"
import { asValue } from "awilix"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { loadJobs } from "../../../src/framework/jobs/index.ts"
import { JOB_PROBE_KEY } from "../../fixtures/jobs/probe.ts"
import { startTestApp, type TestApp } from "../../setup/test-app.ts"

const FIXTURE_JOBS = path.resolve(import.meta.dirname, "../../fixtures/jobs/valid")
const DAY = 86_400_000

let t: TestApp
let auth: { authorization: string }
const ran: string[] = []
/** The project's own jobs (src/jobs), listed before the fixtures. */
let projectJobs: string[]
const FIXTURE_NAMES = ["always-fails", "every-minute", "nightly-report"]

type Run = { id: string; status: string; scheduled_at: string; started_at: string; finished_at: string | null; error: unknown }
type Job = { name: string; schedule: string; number_of_executions: number | null; last_run: Run | null; next_run_at: string | null }

beforeAll(async () => {
  t = await startTestApp()
  auth = { authorization: `Bearer ${await t.adminToken()}` }
  t.app.container.register(JOB_PROBE_KEY, asValue({ ran: (job: string) => void ran.push(job) }))
  await t.app.jobs.load()
  projectJobs = t.app.jobs.scheduler.jobs.map((job) => job.name)
  t.app.jobs.scheduler.register(await loadJobs(FIXTURE_JOBS))
})
afterAll(() => t?.close())

const get = (url: string, headers: Record<string, string> = auth) => t.request({ method: "GET", url, headers })
const jobsByName = async () => {
  const body = (await get("/admin/jobs")).json() as { jobs: Job[] }
  return Object.fromEntries(body.jobs.map((job) => [job.name, job]))
}

describe("admin jobs API", () => {
  test("needs an admin", async () => {
    for (const url of ["/admin/jobs", "/admin/jobs/every-minute/runs"]) {
      const res = await get(url, {})
      expect(res.statusCode).toBe(401)
      expect(res.json()).toEqual({ message: "Unauthorized" })
    }
  })

  test("GET /admin/jobs lists the loaded jobs, never run yet, with their next run", async () => {
    const res = await get("/admin/jobs")

    expect(res.statusCode).toBe(200)
    const body = res.json() as { jobs: Job[]; count: number; offset: number; limit: number }
    expect(body).toMatchObject({ count: projectJobs.length + 3, offset: 0, limit: 50 })
    expect(body.jobs.map((job) => job.name)).toEqual([...projectJobs, ...FIXTURE_NAMES])
    const retention = body.jobs.find((job) => job.name === "workflow-retention")
    expect(retention).toEqual({
      name: "workflow-retention",
      schedule: "0 * * * *",
      number_of_executions: null,
      last_run: null,
      next_run_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:00:00\.000Z$/),
    })
    const nextRun = Date.parse(retention?.next_run_at ?? "")
    expect(nextRun).toBeGreaterThan(Date.now())
    expect(nextRun).toBeLessThanOrEqual(Date.now() + 3_600_000)
    expect(body.jobs.at(-1)).toMatchObject({ name: "nightly-report", schedule: "0 3 * * *", number_of_executions: 2, last_run: null })
  })

  test("after runs: each job's last run with its status and error; a job at its numberOfExecutions has no next run", async () => {
    const start = Date.now()
    await t.app.jobs.scheduler.runDue(start + 2 * DAY)
    await t.app.jobs.scheduler.runDue(start + 2 * DAY + 60_000)
    await t.app.jobs.scheduler.runDue(start + 3 * DAY)

    const jobs = await jobsByName()

    expect(ran.filter((job) => job === "every-minute")).toHaveLength(3)
    expect(ran.filter((job) => job === "nightly-report")).toHaveLength(2)
    expect(jobs["every-minute"]?.last_run).toEqual({
      id: expect.stringMatching(/^jobrun_/),
      scheduled_at: expect.any(String),
      started_at: expect.any(String),
      finished_at: expect.any(String),
      status: "succeeded",
      error: null,
    })
    expect(jobs["always-fails"]?.last_run).toMatchObject({
      status: "failed",
      error: { name: "Error", message: "report service unavailable", stack: expect.stringContaining("always-fails.ts") },
    })
    expect(jobs["nightly-report"]).toMatchObject({ number_of_executions: 2, last_run: { status: "succeeded" }, next_run_at: null })
  })

  test("GET /admin/jobs/:name/runs pages a job's runs, latest tick first", async () => {
    const all = (await get("/admin/jobs/every-minute/runs")).json() as { job_runs: Run[]; count: number; offset: number; limit: number }
    expect(all).toMatchObject({ count: 3, offset: 0, limit: 20 })
    const ticks = all.job_runs.map((run) => Date.parse(run.scheduled_at))
    expect(ticks).toEqual([...ticks].sort((a, b) => b - a))
    expect(all.job_runs[0]).toEqual({
      id: expect.stringMatching(/^jobrun_/),
      job_name: "every-minute",
      status: "succeeded",
      scheduled_at: expect.any(String),
      started_at: expect.any(String),
      finished_at: expect.any(String),
      error: null,
    })

    const page = (await get("/admin/jobs/every-minute/runs?limit=1&offset=1")).json() as { job_runs: Run[]; count: number; offset: number; limit: number }
    expect(page).toMatchObject({ count: 3, offset: 1, limit: 1 })
    expect(page.job_runs.map((run) => run.id)).toEqual([all.job_runs[1]?.id])
  })

  test("filters runs by status and selects fields", async () => {
    const failed = (await get("/admin/jobs/always-fails/runs?status=failed&fields=id,status")).json() as { job_runs: Run[]; count: number }
    expect(failed.count).toBeGreaterThan(0)
    expect(failed.job_runs.every((run) => run.status === "failed" && Object.keys(run).sort().join() === "id,status")).toBe(true)

    const none = (await get("/admin/jobs/always-fails/runs?status[0]=succeeded&status[1]=skipped")).json() as { count: number }
    expect(none.count).toBe(0)

    const names = (await get(`/admin/jobs?fields=name,next_run_at&limit=2&offset=${projectJobs.length}`)).json() as { jobs: Job[]; count: number }
    expect(names).toMatchObject({ count: projectJobs.length + 3, jobs: [{ name: "always-fails" }, { name: "every-minute" }] })
    expect(Object.keys(names.jobs[0] ?? {}).sort()).toEqual(["name", "next_run_at"])
  })

  test("errors: an unknown job is a 404, a bad parameter a 400 naming it", async () => {
    const unknown = await get("/admin/jobs/no-such-job/runs")
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json()).toEqual({ type: "not_found", message: "Job with name: no-such-job was not found" })

    const badStatus = await get("/admin/jobs/every-minute/runs?status=finished")
    expect(badStatus.statusCode).toBe(400)
    expect(badStatus.json()).toEqual({
      type: "invalid_data",
      message: "Invalid request: must be one of running, succeeded, failed, skipped for field 'status'",
    })

    const badLimit = await get("/admin/jobs?limit=-1")
    expect(badLimit.statusCode).toBe(400)
    expect(badLimit.json()).toMatchObject({ type: "invalid_data", message: expect.stringContaining("limit") })

    // Runs are listed latest tick first, jobs in load order: `order` is refused rather than ignored.
    const order = await get("/admin/jobs?order=name")
    expect(order.statusCode).toBe(400)
    expect(order.json()).toEqual({ type: "invalid_data", message: "Invalid request: Unrecognized fields: 'order'" })
  })
})
