import path from "node:path"
import { asValue, createContainer } from "awilix"
import pino from "pino"
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { createApp } from "../../../src/framework/app/index.ts"
import { validateConfig } from "../../../src/framework/config/index.ts"
import {
  ManualClock,
  RecoveryLoop,
  WORKFLOW_ENGINE_KEY,
  WorkflowEngine,
  WorkflowState,
  type WorkflowStorage,
} from "../../../src/framework/orchestrator/index.ts"
import { createStep, createWorkflow, StepResponse, WorkflowResponse, type WorkflowData } from "../../../src/framework/workflows-sdk/index.ts"
import { EFFECT_TABLES } from "../../fixtures/crash/workflows/effects.ts"
import { PROJECT_ROOT, startTestApp, type TestApp } from "../../setup/test-app.ts"
import { waitUntil } from "../../setup/wait-until.ts"
import { deferred } from "../workflows-sdk/helpers.ts"

let t: TestApp
let storage: WorkflowStorage

beforeAll(async () => {
  t = await startTestApp({ modules: [] })
  storage = t.app.workflows.engine.storage
  for (const sql of EFFECT_TABLES) await t.app.database.execute(sql)
})
afterAll(() => t?.close())
beforeEach(async () => {
  await t.app.database.execute('delete from "workflow_step"; delete from "workflow_execution"')
})

/** Another process's engine on the same database: its own owner id, its own container. */
function engineOf(owner: string, options: { staleAfter?: number; maxRecoveryAttempts?: number; clock?: ManualClock } = {}) {
  const engine = new WorkflowEngine({ storage, owner, onBackgroundError: () => {}, ...options })
  const container = createContainer()
  container.register(WORKFLOW_ENGINE_KEY, asValue(engine))
  return { engine, container }
}

describe("idempotency across engines sharing PostgreSQL", () => {
  test("two engines starting one transaction id at once execute it once, and both callers get its result", async () => {
    let executions = 0
    const gate = deferred()
    const charge = createStep("charge", async (amount: number) => {
      executions++
      await gate.promise
      return new StepResponse(`charged ${amount}`)
    })
    const workflow = createWorkflow("charge-once", (amount: WorkflowData<number>) => new WorkflowResponse(charge(amount)))
    const a = engineOf("process-a")
    const b = engineOf("process-b")

    const first = workflow(a.container).run({ input: 10, transactionId: "order-1" })
    const second = workflow(b.container).run({ input: 10, transactionId: "order-1" })
    await new Promise((resolve) => setTimeout(resolve, 100))
    gate.resolve()

    const [one, two] = await Promise.all([first, second])
    expect(executions).toBe(1)
    expect(one.result).toBe("charged 10")
    expect(two.result).toBe("charged 10")
    const rows = await t.app.database.execute('select count(*)::int as n from "workflow_execution" where "transaction_id" = \'order-1\'')
    expect(rows[0]?.n).toBe(1)
  })

  test("a finished run's transaction id returns the stored result and runs nothing, in another process too", async () => {
    let executions = 0
    const step = createStep("count", async () => new StepResponse(++executions))
    const workflow = createWorkflow("count-once", () => new WorkflowResponse(step()))

    const first = await workflow(engineOf("process-a").container).run({ transactionId: "tx-1" })
    const again = await workflow(engineOf("process-b").container).run({ transactionId: "tx-1" })

    expect(first.result).toBe(1)
    expect(again.result).toBe(1)
    expect(executions).toBe(1)
  })
})

describe("runs whose process died", () => {
  const hangingStep = createStep("hang", () => new Promise<StepResponse<string>>(() => {}))
  const hangs = createWorkflow("hangs", () => new WorkflowResponse(hangingStep()))

  // A process "dies" by its clock standing still: its lease renewals stop, as a killed process's would.
  const frozen = () => new ManualClock(Date.now())

  test("a run taken over more than maxRecoveryAttempts times goes to dead_letter, visible to operators", async () => {
    const first = engineOf("first", { staleAfter: 0.05, maxRecoveryAttempts: 1, clock: frozen() })
    void hangs(first.container).run({ transactionId: "poison" })
    await waitUntil(() => storage.load("hangs", "poison"), (run) => run !== undefined)
    await new Promise((resolve) => setTimeout(resolve, 80))

    // The second process takes it over (attempt 1) and dies in the same step.
    const second = engineOf("second", { staleAfter: 0.05, maxRecoveryAttempts: 1, clock: frozen() })
    second.engine.register(hangs.graph)
    void second.engine.recover()
    const takenOver = await waitUntil(() => storage.load("hangs", "poison"), (run) => run?.execution.owner === "second")
    expect(takenOver?.execution).toMatchObject({ owner: "second", recoveryAttempts: 1 })
    await new Promise((resolve) => setTimeout(resolve, 80))

    const third = engineOf("third", { staleAfter: 0.05, maxRecoveryAttempts: 1 })
    third.engine.register(hangs.graph)
    const [report] = await third.engine.recover()

    expect(report?.state).toBe(WorkflowState.DEAD_LETTER)
    const { runs } = await third.engine.listRuns({ state: [WorkflowState.DEAD_LETTER], take: 10, skip: 0 })
    expect(runs.map((run) => [run.transactionId, run.recoveryAttempts, run.owner])).toEqual([["poison", 2, null]])
    expect(runs[0]?.errors.at(-1)?.error.message).toMatch(/its owner died 2 times/)
  })

  test("an app starting up resumes a dead process's run from its first unfinished step", async () => {
    const now = Date.now()
    const dead = { workflowId: "three-effects", transactionId: "left-behind" }
    await storage.create({
      ...dead,
      id: "wf_exec_left_behind",
      state: WorkflowState.INVOKING,
      input: undefined,
      context: dead,
      result: undefined,
      errors: [],
      owner: "dead-process",
      heartbeatAt: now - 3_600_000,
      recoveryAttempts: 0,
      parent: null,
      retainUntil: null,
      createdAt: now - 3_600_000,
      updatedAt: now - 3_600_000,
      finishedAt: null,
    })
    const firstDone = { stepId: "first", status: "done", attempts: 1, output: "first", compensationInput: "key-1", error: null } as const
    await storage.checkpoint({
      ...dead,
      owner: "dead-process",
      at: now - 3_600_000,
      step: { ...firstDone, startedAt: now - 3_600_000, finishedAt: now - 3_600_000, completionOrder: 1, nextAttemptAt: null, deadlineAt: null, compensationAttempts: 0 },
    })

    // A second app process on the same database, as `agora start` boots it.
    const config = validateConfig({ projectConfig: { databaseUrl: t.database.url }, modules: [] }, PROJECT_ROOT, "test")
    const workflowsDir = path.join(PROJECT_ROOT, "test/fixtures/crash/workflows")
    const restarted = await createApp({ config, logger: pino({ level: "silent" }), workflowsDir })
    try {
      await restarted.workflows.start()
      const run = await storage.load(dead.workflowId, dead.transactionId)
      expect(run?.execution).toMatchObject({ state: "done", result: "third", owner: null, recoveryAttempts: 1 })
      const calls = await t.app.database.execute<{ step: string }>(`select "step" from "crash_call" where "run" = 'left-behind' order by "step"`)
      expect(calls.map((row) => row.step)).toEqual(["second", "third"])
    } finally {
      await restarted.close()
    }
  })
})

describe("retention", () => {
  test("finished runs are kept 7 days by default, or the workflow's retentionTime, then the recovery loop deletes them", async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 1))
    const { engine, container } = engineOf("keeper", { clock })
    const step = createStep("noop", async () => new StepResponse(1))
    const kept = createWorkflow("kept-default", () => new WorkflowResponse(step()))
    const shortLived = createWorkflow({ name: "short-lived", retentionTime: 60 }, () => new WorkflowResponse(step()))

    await kept(container).run({ transactionId: "a" })
    await shortLived(container).run({ transactionId: "b" })
    const stored = await storage.load("kept-default", "a")
    expect(stored?.execution.retainUntil).toBe(clock.now() + 7 * 86_400_000)

    await clock.advance(61_000)
    const loop = new RecoveryLoop(engine, { intervalSeconds: 3600, onError: (error) => expect.fail(String(error)) })
    await loop.start()
    await loop.stop()

    expect(await storage.load("short-lived", "b")).toBeUndefined()
    expect(await storage.load("kept-default", "a")).toBeDefined()
    const rows = await t.app.database.execute('select count(*)::int as n from "workflow_step" where "transaction_id" = \'b\'')
    expect(rows[0]?.n).toBe(0)
  })
})
