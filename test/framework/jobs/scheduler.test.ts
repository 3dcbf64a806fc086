import pino from "pino"
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { JobRunStore, JobScheduler } from "../../../src/framework/jobs/index.ts"
import { ManualClock } from "../../../src/framework/orchestrator/index.ts"
import { startTestApp, type TestApp } from "../../setup/test-app.ts"
import { deferred, job, MINUTE, schedulerProcess, T0, type SchedulerProcess } from "./helpers.ts"

let t: TestApp
let processes: SchedulerProcess[] = []

beforeAll(async () => {
  t = await startTestApp({ modules: [] })
})
afterAll(() => t?.close())
beforeEach(async () => {
  await t.app.database.execute('delete from "job_run"')
})
afterEach(async () => {
  await Promise.all(processes.map((p) => p.close()))
  processes = []
})

function process(...jobs: Parameters<typeof schedulerProcess>[2]) {
  const started = schedulerProcess(t.app.databaseUrl, t.app.container, jobs)
  processes.push(started)
  return started.scheduler
}

type RunRow = { id: string; job_name: string; status: string; scheduled_at: number; started_at: number; finished_at: number | null; error: unknown }
const epochMs = (column: string) => `(extract(epoch from "${column}") * 1000)::float8 as "${column}"`
/** The job's rows as stored, times as epoch milliseconds, oldest tick first. */
const runs = (jobName: string) =>
  t.app.database.execute<RunRow>(
    `select "id", "job_name", "status", ${epochMs("scheduled_at")}, ${epochMs("started_at")}, ${epochMs("finished_at")}, "error"
    from "job_run" where "job_name" = ? order by "scheduled_at"`,
    [jobName],
  )
const at = (minute: number) => T0 + minute * MINUTE

async function advisoryLocksHeld(): Promise<number> {
  const [row] = await t.app.database.execute<{ n: number }>(
    `select count(*)::int as "n" from pg_locks where "locktype" = 'advisory' and "pid" <> pg_backend_pid()
      and "database" = (select "oid" from pg_database where "datname" = current_database())`,
  )
  return row?.n ?? 0
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200 && !(await condition()); i++) await new Promise((resolve) => setTimeout(resolve, 10))
}

describe("a due tick", () => {
  test("runs the job once and records the run; before its occurrence nothing runs", async () => {
    let calls = 0
    const scheduler = process(job("sync", () => void calls++))

    expect(await scheduler.runDue(T0 + 30_000)).toEqual([])
    const [outcome] = await scheduler.runDue(T0 + MINUTE)
    expect(await scheduler.runDue(T0 + MINUTE + 30_000)).toEqual([])

    expect(calls).toBe(1)
    expect(outcome).toMatchObject({ job: "sync", scheduledAt: T0 + MINUTE, outcome: "succeeded" })
    expect(await runs("sync")).toEqual([
      { id: expect.stringMatching(/^jobrun_[0-9A-Z]{26}$/), job_name: "sync", status: "succeeded", scheduled_at: at(1), started_at: at(0), finished_at: at(0), error: null },
    ])
  })

  test("that came late runs the latest occurrence only, not every one it missed", async () => {
    let calls = 0
    const scheduler = process(job("sync", () => void calls++))

    await scheduler.runDue(T0 + 10 * MINUTE + 5_000)

    expect(calls).toBe(1)
    expect((await runs("sync")).map((r) => r.scheduled_at)).toEqual([at(10)])
  })
})

describe("a failing job", () => {
  test("is recorded as failed with its error, and the scheduler carries on", async () => {
    let calls = 0
    const scheduler = process(
      job("import-feed", () => {
        if (++calls === 1) throw new TypeError("feed url is not set")
      }),
      job("throws-a-string", () => Promise.reject("plain text failure")),
    )

    const first = await scheduler.runDue(T0 + MINUTE)
    const second = await scheduler.runDue(T0 + 2 * MINUTE)

    expect(first.map((o) => [o.job, o.outcome])).toEqual([["import-feed", "failed"], ["throws-a-string", "failed"]])
    expect(second.map((o) => [o.job, o.outcome])).toEqual([["import-feed", "succeeded"], ["throws-a-string", "failed"]])
    const feed = await runs("import-feed")
    expect(feed.map((r) => r.status)).toEqual(["failed", "succeeded"])
    expect(feed[0]?.error).toEqual({ name: "TypeError", message: "feed url is not set", stack: expect.stringContaining("feed url is not set") })
    expect(feed[1]?.error).toBeNull()
    expect((await runs("throws-a-string"))[0]?.error).toEqual({ name: "Error", message: "plain text failure" })
  })
})

describe("an unreachable database", () => {
  test("fails the tick's claim without running the job or rejecting, and the next tick tries again", async () => {
    let calls = 0
    const errors: unknown[] = []
    const store = new JobRunStore({ url: "postgres://postgres@127.0.0.1:1/nowhere", onError: () => {} })
    const logger = pino({ level: "error" }, { write: (line: string) => void errors.push(JSON.parse(line)) })
    const scheduler = new JobScheduler({ container: t.app.container, store, logger, clock: new ManualClock(T0) })
    scheduler.register([job("sync", () => void calls++)])

    const first = await scheduler.runDue(T0 + MINUTE)
    const second = await scheduler.runDue(T0 + 2 * MINUTE)
    await store.close()

    expect([...first, ...second].map((o) => o.outcome)).toEqual(["error", "error"])
    expect(calls).toBe(0)
    expect(errors).toEqual([
      expect.objectContaining({ msg: "Job sync: could not record the 2026-01-01T00:01:00.000Z run" }),
      expect.objectContaining({ msg: "Job sync: could not record the 2026-01-01T00:02:00.000Z run" }),
    ])
  })
})

describe("overlap", () => {
  test("a tick that comes while the previous run is still going is skipped and recorded", async () => {
    const started = deferred()
    const release = deferred()
    let calls = 0
    const scheduler = process(
      job("slow-export", async () => {
        calls++
        started.resolve()
        await release.promise
      }),
    )

    const firstRun = scheduler.runDue(T0 + MINUTE)
    await started.promise
    const [skipped] = await scheduler.runDue(T0 + 2 * MINUTE)
    release.resolve()
    const [finished] = await firstRun
    const [next] = await scheduler.runDue(T0 + 3 * MINUTE)

    expect([finished?.outcome, skipped?.outcome, next?.outcome]).toEqual(["succeeded", "skipped", "succeeded"])
    expect(calls).toBe(2)
    expect((await runs("slow-export")).map((r) => [r.scheduled_at, r.status, r.error])).toEqual([
      [at(1), "succeeded", null],
      [at(2), "skipped", null],
      [at(3), "succeeded", null],
    ])
  })

  test("two schedulers on one database run each tick once", async () => {
    let calls = 0
    const work = job("rebuild-index", async () => {
      calls++
      await new Promise((resolve) => setTimeout(resolve, 5))
    })
    const a = process(work)
    const b = process(work)

    for (let minute = 1; minute <= 10; minute++) {
      const outcomes = (await Promise.all([a.runDue(T0 + minute * MINUTE), b.runDue(T0 + minute * MINUTE)])).flat()
      expect(outcomes.map((o) => o.outcome).sort()).toEqual(["duplicate", "succeeded"])
    }

    expect(calls).toBe(10)
    const rows = await runs("rebuild-index")
    expect(rows).toHaveLength(10)
    expect(rows.every((r) => r.status === "succeeded")).toBe(true)
  })

  test("a run still going in one process makes another process skip its next tick", async () => {
    const started = deferred()
    const release = deferred()
    const slow = job("settle-payouts", async () => {
      started.resolve()
      await release.promise
    })
    const a = process(slow)
    const b = process(slow)

    const aRun = a.runDue(T0 + MINUTE)
    await started.promise
    const [bSkipped] = await b.runDue(T0 + 2 * MINUTE)
    release.resolve()
    await aRun
    const [bRan] = await b.runDue(T0 + 3 * MINUTE)

    expect(bSkipped?.outcome).toBe("skipped")
    expect(bRan?.outcome).toBe("succeeded")
    expect((await runs("settle-payouts")).map((r) => r.status)).toEqual(["succeeded", "skipped", "succeeded"])
  })

  test("a run left 'running' by a process that died is marked interrupted, and the job runs again", async () => {
    const started = deferred()
    const release = deferred()
    let calls = 0
    const slow = job("reindex", async () => {
      if (++calls > 1) return
      started.resolve()
      await release.promise
    })
    const dying = process(slow)
    const survivor = process(slow)

    const dyingRun = dying.runDue(T0 + MINUTE)
    await started.promise
    // The dying process's connection goes, and with it the job's lock, as when a process is killed.
    await t.app.database.execute(
      `select pg_terminate_backend("pid") from pg_locks
      where "locktype" = 'advisory' and "granted" and "pid" <> pg_backend_pid()
        and "database" = (select "oid" from pg_database where "datname" = current_database())`,
    )
    await until(async () => (await advisoryLocksHeld()) === 0)
    const [survivorRun] = await survivor.runDue(T0 + 2 * MINUTE)
    release.resolve()
    const [dyingOutcome] = await dyingRun

    expect(survivorRun?.outcome).toBe("succeeded")
    expect(dyingOutcome?.outcome).toBe("error")
    expect((await runs("reindex")).map((r) => [r.scheduled_at, r.status, r.error])).toEqual([
      [at(1), "failed", { name: "JobInterruptedError", message: "The process running this job stopped before the run finished" }],
      [at(2), "succeeded", null],
    ])
  })
})

describe("numberOfExecutions", () => {
  test("stops the job after N runs, in this process and after a restart", async () => {
    let calls = 0
    const limited = job("send-welcome-digest", () => void calls++, { numberOfExecutions: 2 })
    const scheduler = process(limited)

    await scheduler.runDue(T0 + MINUTE)
    await scheduler.runDue(T0 + 2 * MINUTE)
    expect(await scheduler.runDue(T0 + 3 * MINUTE)).toEqual([])
    expect((await scheduler.describe())[0]).toMatchObject({ name: "send-welcome-digest", numberOfExecutions: 2, nextRunAt: null })

    // Another process that has not started (so has not read the history) is refused by the count.
    const other = process(limited)
    expect((await other.runDue(T0 + 4 * MINUTE)).map((o) => o.outcome)).toEqual(["exhausted"])
    expect(await other.runDue(T0 + 5 * MINUTE)).toEqual([])

    // A restarted process leaves it idle from the start.
    const restarted = process(limited)
    await restarted.start()
    expect(await restarted.runDue(T0 + 6 * MINUTE)).toEqual([])

    expect(calls).toBe(2)
    expect((await runs("send-welcome-digest")).map((r) => r.status)).toEqual(["succeeded", "succeeded"])
  })
})

describe("the timer", () => {
  test("runs the jobs at their occurrences once started, and no more once stopped", async () => {
    const ran: number[] = []
    const started = schedulerProcess(t.app.databaseUrl, t.app.container, [job("heartbeat", () => void ran.push(started.clock.now()))])
    processes.push(started)
    const { scheduler, clock } = started

    await scheduler.start()
    await clock.advance(MINUTE)
    await scheduler.whenIdle()
    await clock.advance(MINUTE)
    await scheduler.whenIdle()
    await scheduler.stop()
    await clock.advance(5 * MINUTE)

    expect(ran).toEqual([T0 + MINUTE, T0 + 2 * MINUTE])
    expect(clock.pendingTimers).toBe(0)
    expect((await runs("heartbeat")).map((r) => r.status)).toEqual(["succeeded", "succeeded"])
  })
})
