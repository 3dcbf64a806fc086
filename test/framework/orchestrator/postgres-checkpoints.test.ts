import { asValue, createContainer } from "awilix"
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { preparedQueryOf } from "../../../src/framework/database/index.ts"
import {
  ManualClock,
  OwnershipLostError,
  PostgresWorkflowStorage,
  WORKFLOW_ENGINE_KEY,
  WorkflowEngine,
  WorkflowState,
  type WorkflowStorage,
} from "../../../src/framework/orchestrator/index.ts"
import { createStep, createWorkflow, StepResponse, WorkflowResponse, type WorkflowData } from "../../../src/framework/workflows-sdk/index.ts"
import { startTestApp, type TestApp } from "../../setup/test-app.ts"
import { deferred } from "../workflows-sdk/helpers.ts"
import { executionRecord, stepRecord } from "./records.ts"

let t: TestApp
let storage: WorkflowStorage

beforeAll(async () => {
  t = await startTestApp({ modules: [] })
  storage = t.app.workflows.engine.storage
})
afterAll(() => t?.close())
beforeEach(async () => {
  await t.app.database.execute('delete from "workflow_step"; delete from "workflow_execution"')
})

/**
 * The app's storage on a SQL function that logs what it sends: the storage's statements are
 * prepared ones, on the ORM's pool but not through the ORM, so its `onQuery` hook does not see them.
 */
function countingStorage(): { storage: WorkflowStorage; statements: string[] } {
  const statements: string[] = []
  const query = preparedQueryOf(t.app.database)
  const storage = new PostgresWorkflowStorage(<Row>(sql: string, params: readonly unknown[]) => {
    statements.push(sql.replace(/\s+/g, " "))
    return query<Row>(sql, params)
  })
  return { storage, statements }
}

function engineOf(owner: string, options: { clock?: ManualClock; staleAfter?: number; storage?: WorkflowStorage } = {}) {
  const engine = new WorkflowEngine({ storage, owner, onBackgroundError: () => {}, ...options })
  const container = createContainer()
  container.register(WORKFLOW_ENGINE_KEY, asValue(engine))
  return { engine, container }
}

async function runRow(transactionId: string) {
  const [row] = await t.app.database.execute<{ heartbeat_at: number; updated_at: number; steps: number }>(
    `select (extract(epoch from "heartbeat_at") * 1000)::float8 as "heartbeat_at", (extract(epoch from "updated_at") * 1000)::float8 as "updated_at",
      (select count(*)::int from "workflow_step" s where s."transaction_id" = e."transaction_id") as "steps"
    from "workflow_execution" e where "transaction_id" = ?`,
    [transactionId],
  )
  return row
}

/** Waits (in real time) until the run's row says so: checkpoints are written off the test's own calls. */
async function until(transactionId: string, done: (row: Awaited<ReturnType<typeof runRow>>) => boolean) {
  for (let tries = 0; tries < 200; tries++) {
    if (done(await runRow(transactionId))) return
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  throw new Error(`run ${transactionId} never got there`)
}

function statementKind(sql: string): string {
  if (sql.startsWith('with "created" as ( insert into "workflow_execution"')) return "create run"
  if (!sql.startsWith('with "run" as ( update "workflow_execution"')) return sql
  const what = sql.includes('"retain_until" = ') ? "end run" : "checkpoint"
  return sql.includes('insert into "workflow_step"') ? `${what} ${what === "end run" ? "with " : ""}a step` : what
}

const add = (name: string) => createStep(name, async (n: number) => new StepResponse(n + 1))
const threeSteps = createWorkflow("three-steps", () => {
  const one = add("one")(0)
  const two = add("two")(one)
  return new WorkflowResponse(add("three")(two))
})

describe("the cost of a run on PostgreSQL", () => {
  test("a 3-step run sends four statements: its creation, two checkpoints, and its end with the last step's", async () => {
    const counting = countingStorage()
    const { container } = engineOf("counting", { storage: counting.storage })
    // The engine's first run also sweeps expired runs: not part of a run's cost.
    await threeSteps(container).run()
    counting.statements.length = 0

    const { result } = await threeSteps(container).run({ transactionId: "counted" })

    expect(result).toBe(3)
    expect(counting.statements.map(statementKind)).toEqual(["create run", "checkpoint a step", "checkpoint a step", "end run with a step"])
    const stored = await storage.load("three-steps", "counted")
    expect(stored?.execution).toMatchObject({ state: "done", result: 3, owner: null })
    expect(stored?.steps.map((step) => [step.stepId, step.status])).toEqual([
      ["one", "done"],
      ["three", "done"],
      ["two", "done"],
    ])
  })

  test("only the writes a caller is told about wait for the disk: the run's end, not its creation nor its checkpoints", async () => {
    const counting = countingStorage()
    const { container } = engineOf("relaxed", { storage: counting.storage })
    await threeSteps(container).run()
    counting.statements.length = 0

    await threeSteps(container).run({ transactionId: "relaxed" })

    const waits = (sql: string) => !sql.includes("set_config('synchronous_commit', 'off', true)")
    expect(counting.statements.map((sql) => [statementKind(sql), waits(sql)])).toEqual([
      ["create run", false],
      ["checkpoint a step", false],
      ["checkpoint a step", false],
      ["end run with a step", true],
    ])
  })

  test("the run's table leaves room on its pages for in-place updates, and steps have no foreign key to check", async () => {
    const [table] = await t.app.database.execute<{ options: string[] | null }>(
      `select "reloptions" as "options" from "pg_class" where "relname" = 'workflow_execution'`,
    )
    expect(table?.options).toContain("fillfactor=70")
    const foreignKeys = await t.app.database.execute(`select 1 from "pg_constraint" where "conrelid" = 'workflow_step'::regclass and "contype" = 'f'`)
    expect(foreignKeys).toEqual([])
  })
})

describe("heartbeats", () => {
  test("a step's checkpoint leaves a recent heartbeat as it is and moves one older than a sixth of staleAfter", async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 1))
    const { container } = engineOf("beating", { clock, staleAfter: 300 })
    const gates = [deferred(), deferred()]
    const gated = (name: string, gate: { promise: Promise<void> }) =>
      createStep(name, async (n: number) => {
        await gate.promise
        return new StepResponse(n + 1)
      })
    const workflow = createWorkflow("beats", (input: WorkflowData<number>) => {
      const one = gated("one", gates[0]!)(input)
      const two = gated("two", gates[1]!)(one)
      return new WorkflowResponse(add("three")(two))
    })
    const created = clock.now()
    const running = workflow(container).run({ input: 0, transactionId: "beats" })

    await clock.advance(10_000)
    gates[0]!.resolve()
    await until("beats", (row) => row?.steps === 1)
    expect(await runRow("beats")).toMatchObject({ heartbeat_at: created, updated_at: created + 10_000 })

    await clock.advance(45_000) // the heartbeat is now 55 s old: past 300 s / 6
    gates[1]!.resolve()
    await until("beats", (row) => row?.steps === 3)

    expect((await running).result).toBe(3)
    expect(await runRow("beats")).toMatchObject({ heartbeat_at: created + 55_000 })
  })

  test("a run taken over after its owner went silent makes that owner's next write fail, the run's end with its last step included", async () => {
    const hang = deferred<StepResponse<string>>()
    let lastCalls = 0
    const first = createStep("first", async () => new StepResponse("first"))
    const last = createStep("last", async () => {
      lastCalls++
      return lastCalls === 1 ? hang.promise : new StepResponse("second owner's")
    })
    const workflow = createWorkflow("taken-over", () => {
      first()
      return new WorkflowResponse(last())
    })
    // The first owner's clock stands still: it neither renews its lease nor moves its heartbeat.
    const silent = engineOf("silent", { clock: new ManualClock(Date.now()), staleAfter: 0.05 })
    const abandoned = workflow(silent.container).run({ transactionId: "taken" })
    abandoned.catch(() => {})
    await until("taken", (row) => row?.steps === 1)
    await new Promise((resolve) => setTimeout(resolve, 80))

    const live = engineOf("live", { staleAfter: 0.05 })
    live.engine.register(workflow.graph)
    const report = await live.engine.resume({ workflowId: "taken-over", transactionId: "taken" })
    expect(report).toMatchObject({ state: WorkflowState.DONE, result: "second owner's" })

    hang.resolve(new StepResponse("first owner's"))
    await expect(abandoned).rejects.toBeInstanceOf(OwnershipLostError)
    const stored = await storage.load("taken-over", "taken")
    expect(stored?.execution).toMatchObject({ state: "done", result: "second owner's", owner: null, recoveryAttempts: 1 })
    expect(stored?.steps.find((step) => step.stepId === "last")?.output).toBe("second owner's")
  })
})

describe("steps without a foreign key to their run", () => {
  test("retention deletes a run's steps in the same statement, and leaves the steps of the runs it keeps", async () => {
    for (const [transactionId, retainUntil] of [["expired", 1_000], ["kept", 9_000]] as const) {
      await storage.create(executionRecord({ id: `wf_exec_${transactionId}`, transactionId, owner: "engine" }))
      await storage.checkpoint({ workflowId: "wf", transactionId, owner: "engine", at: 500, step: stepRecord("a") })
      await storage.checkpoint({
        workflowId: "wf",
        transactionId,
        owner: "engine",
        at: 600,
        step: stepRecord("b"),
        execution: { state: WorkflowState.DONE, owner: null, retainUntil, finishedAt: 600 },
      })
    }

    const counting = countingStorage()
    expect(await counting.storage.deleteExpired(5_000)).toBe(1)

    expect(counting.statements).toHaveLength(1)
    const steps = await t.app.database.execute<{ transaction_id: string; n: number }>(
      `select "transaction_id", count(*)::int as "n" from "workflow_step" group by 1 order by 1`,
    )
    expect(steps).toEqual([{ transaction_id: "kept", n: 2 }])
  })

  test("a run created under the key of a run deleted by hand does not inherit that run's steps", async () => {
    await storage.create(executionRecord({ id: "wf_exec_before", transactionId: "reused", owner: "engine" }))
    await storage.checkpoint({ workflowId: "wf", transactionId: "reused", owner: "engine", at: 500, step: stepRecord("a") })
    await t.app.database.execute(`delete from "workflow_execution" where "transaction_id" = 'reused'`)

    expect(await storage.create(executionRecord({ id: "wf_exec_after", transactionId: "reused", owner: "engine" }))).toEqual({ created: true })

    expect((await storage.load("wf", "reused"))?.steps).toEqual([])
  })
})
