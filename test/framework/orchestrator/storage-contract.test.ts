import { afterAll, beforeEach, describe, expect, test } from "vitest"
import {
  MemoryWorkflowStorage,
  OwnershipLostError,
  WorkflowState,
  type ExecutionRecord,
  type WorkflowStorage,
} from "../../../src/framework/orchestrator/index.ts"
import { startTestApp, type TestApp } from "../../setup/test-app.ts"
import { executionRecord, stepRecord } from "./records.ts"

let sequence = 0

function execution(overrides: Partial<ExecutionRecord> = {}): ExecutionRecord {
  ++sequence
  return executionRecord({ id: `wf_exec_${sequence}`, transactionId: "tx", input: { a: 1 }, owner: "engine-a", createdAt: 1000 + sequence, ...overrides })
}

const step = stepRecord


let app: TestApp | undefined
afterAll(() => app?.close())

const targets: { name: string; open: () => Promise<WorkflowStorage> }[] = [
  { name: "memory", open: async () => new MemoryWorkflowStorage() },
  {
    // The app's own storage, on this test run's database.
    name: "postgres",
    open: async () => {
      app ??= await startTestApp({ modules: [] })
      await app.app.database.execute('delete from "workflow_step"; delete from "workflow_execution"')
      return app.app.workflows.engine.storage
    },
  },
]

describe.each(targets)("the $name storage", (target) => {
  let storage: WorkflowStorage
  beforeEach(async () => {
    storage = await target.open()
  })

  test("a (workflow, transaction) pair is created once; the second create gets the stored run", async () => {
    expect(await storage.create(execution())).toEqual({ created: true })
    const second = await storage.create(execution({ input: { a: 2 } }))

    expect(second.created).toBe(false)
    expect(second.created === false && second.existing.execution.input).toEqual({ a: 1 })
    expect((await storage.create(execution({ transactionId: "other" }))).created).toBe(true)
  })

  test("a checkpoint upserts the step, patches the run and refreshes the heartbeat", async () => {
    await storage.create(execution())

    await storage.checkpoint({ workflowId: "wf", transactionId: "tx", owner: "engine-a", at: 2000, step: step("s1") })
    await storage.checkpoint({
      workflowId: "wf",
      transactionId: "tx",
      owner: "engine-a",
      at: 3000,
      step: step("s1", { status: "compensated" }),
      execution: { state: WorkflowState.FAILED, owner: null },
    })

    const stored = await storage.load("wf", "tx")
    expect(stored?.steps.map((s) => [s.stepId, s.status])).toEqual([["s1", "compensated"]])
    expect(stored?.execution).toMatchObject({ state: "failed", owner: null, heartbeatAt: 3000, updatedAt: 3000 })
  })

  test("a checkpoint leaves a heartbeat newer than refreshHeartbeatBefore as it is, and moves an older one", async () => {
    await storage.create(execution({ heartbeatAt: 1000 }))
    const write = { workflowId: "wf", transactionId: "tx", owner: "engine-a" }

    await storage.checkpoint({ ...write, at: 1400, refreshHeartbeatBefore: 900, step: step("s1") })
    expect((await storage.load("wf", "tx"))?.execution).toMatchObject({ heartbeatAt: 1000, updatedAt: 1400 })

    await storage.checkpoint({ ...write, at: 1600, refreshHeartbeatBefore: 1100, step: step("s2") })
    expect((await storage.load("wf", "tx"))?.execution).toMatchObject({ heartbeatAt: 1600, updatedAt: 1600 })
    expect((await storage.load("wf", "tx"))?.steps.map((s) => s.stepId)).toEqual(["s1", "s2"])
  })

  test("a run taken over from a silent owner refuses that owner's next checkpoint, heartbeat left alone or not", async () => {
    await storage.create(execution({ owner: "engine-a", heartbeatAt: 1000 }))
    await storage.checkpoint({ workflowId: "wf", transactionId: "tx", owner: "engine-a", at: 1100, refreshHeartbeatBefore: 500, step: step("s1") })
    const taken = await storage.acquire({ workflowId: "wf", transactionId: "tx", owner: "engine-b", staleBefore: 1500, now: 2000 })
    expect(taken?.execution).toMatchObject({ owner: "engine-b", heartbeatAt: 2000 })

    const late = { workflowId: "wf", transactionId: "tx", owner: "engine-a", at: 2100 }
    await expect(storage.checkpoint({ ...late, refreshHeartbeatBefore: 500, step: step("s2") })).rejects.toBeInstanceOf(OwnershipLostError)
    await expect(storage.checkpoint({ ...late, step: step("s2") })).rejects.toBeInstanceOf(OwnershipLostError)
    expect((await storage.load("wf", "tx"))?.steps.map((s) => s.stepId)).toEqual(["s1"])
  })

  test("a checkpoint writes the deferred step records it carries (skipped steps), with its own step, in one write", async () => {
    await storage.create(execution())

    await storage.checkpoint({
      workflowId: "wf",
      transactionId: "tx",
      owner: "engine-a",
      at: 2000,
      deferred: [step("gift", { status: "skipped", output: undefined }), step("hook.validate", { status: "skipped", output: undefined })],
      step: step("last"),
    })

    const stored = await storage.load("wf", "tx")
    expect(stored?.steps.map((s) => [s.stepId, s.status])).toEqual([
      ["gift", "skipped"],
      ["hook.validate", "skipped"],
      ["last", "done"],
    ])
  })

  test("a checkpoint from an engine that does not own the run is refused", async () => {
    await storage.create(execution({ owner: "engine-a" }))

    const write = storage.checkpoint({ workflowId: "wf", transactionId: "tx", owner: "engine-b", at: 2000, step: step("s1") })

    await expect(write).rejects.toBeInstanceOf(OwnershipLostError)
    expect((await storage.load("wf", "tx"))?.steps).toEqual([])
  })

  test("acquire takes a run that is free, already ours, or whose owner went silent, and nothing else", async () => {
    await storage.create(execution({ owner: "engine-a", heartbeatAt: 1000 }))
    const request = { workflowId: "wf", transactionId: "tx", now: 5000 }

    expect(await storage.acquire({ ...request, owner: "engine-b", staleBefore: 500 })).toBeUndefined()
    expect((await storage.acquire({ ...request, owner: "engine-a", staleBefore: 500 }))?.execution.owner).toBe("engine-a")
    // engine-a's acquire refreshed its heartbeat to 5000.
    expect(await storage.acquire({ ...request, owner: "engine-b", staleBefore: 4000 })).toBeUndefined()
    expect((await storage.acquire({ ...request, owner: "engine-b", staleBefore: 6000 }))?.execution.owner).toBe("engine-b")
    expect(await storage.acquire({ ...request, transactionId: "missing", owner: "engine-b", staleBefore: 0 })).toBeUndefined()
  })

  test("listRecoverable finds parked runs and active runs whose owner went silent", async () => {
    await storage.create(execution({ transactionId: "silent", heartbeatAt: 1000 }))
    await storage.create(execution({ transactionId: "alive", heartbeatAt: 9000 }))
    await storage.create(execution({ transactionId: "parked", state: WorkflowState.WAITING, owner: null }))
    await storage.create(execution({ transactionId: "done", state: WorkflowState.DONE, owner: null, heartbeatAt: 0 }))

    const found = await storage.listRecoverable({ staleBefore: 5000, limit: 10 })

    expect(found.map((key) => key.transactionId).sort()).toEqual(["parked", "silent"])
  })

  test("deleteExpired removes finished runs past their retention only", async () => {
    await storage.create(execution({ transactionId: "old", state: WorkflowState.DONE, retainUntil: 1000 }))
    await storage.create(execution({ transactionId: "kept", state: WorkflowState.DONE, retainUntil: 9000 }))
    await storage.create(execution({ transactionId: "running", retainUntil: null }))

    expect(await storage.deleteExpired(5000)).toBe(1)
    expect(await storage.load("wf", "old")).toBeUndefined()
    expect(await storage.load("wf", "kept")).toBeDefined()
    expect(await storage.load("wf", "running")).toBeDefined()
  })

  test("deleteExpired deletes a run's steps with it: a run created again under its key starts with none", async () => {
    await storage.create(execution({ transactionId: "old", owner: "engine-a" }))
    await storage.checkpoint({ workflowId: "wf", transactionId: "old", owner: "engine-a", at: 2000, step: step("s1") })
    await storage.checkpoint({
      workflowId: "wf",
      transactionId: "old",
      owner: "engine-a",
      at: 3000,
      step: step("s2"),
      execution: { state: WorkflowState.DONE, owner: null, retainUntil: 4000, finishedAt: 3000 },
    })

    expect(await storage.deleteExpired(5000)).toBe(1)
    expect(await storage.create(execution({ transactionId: "old" }))).toEqual({ created: true })
    expect((await storage.load("wf", "old"))?.steps).toEqual([])
  })

  test("values round-trip as JSON: undefined stays undefined, null stays null, nested data is kept", async () => {
    await storage.create(execution({ input: undefined, result: undefined }))
    await storage.checkpoint({ workflowId: "wf", transactionId: "tx", owner: "engine-a", at: 2000, step: step("a", { output: null, compensationInput: undefined }) })
    await storage.checkpoint({ workflowId: "wf", transactionId: "tx", owner: "engine-a", at: 3000, step: step("b", { output: { list: [1, "two", { three: true }] } }) })

    const stored = await storage.load("wf", "tx")
    expect(stored?.execution.input).toBeUndefined()
    const [a, b] = stored?.steps ?? []
    expect(a?.output).toBeNull()
    expect(a?.compensationInput).toBeUndefined()
    expect(b?.output).toEqual({ list: [1, "two", { three: true }] })
    expect(b).toMatchObject({ startedAt: 1000, finishedAt: 1001, completionOrder: 1, attempts: 1 })
  })

  test("taking a run over from another owner counts a recovery attempt; taking a free or own run does not", async () => {
    await storage.create(execution({ owner: "engine-a", heartbeatAt: 1000 }))
    const request = { workflowId: "wf", transactionId: "tx" }

    await storage.acquire({ ...request, owner: "engine-a", staleBefore: 0, now: 1500 })
    expect((await storage.load("wf", "tx"))?.execution.recoveryAttempts).toBe(0)
    const taken = await storage.acquire({ ...request, owner: "engine-b", staleBefore: 2000, now: 3000 })
    expect(taken?.execution).toMatchObject({ owner: "engine-b", recoveryAttempts: 1, heartbeatAt: 3000 })
    await storage.checkpoint({ ...request, owner: "engine-b", at: 3500, execution: { state: WorkflowState.WAITING, owner: null } })
    const parked = await storage.acquire({ ...request, owner: "engine-c", staleBefore: 0, now: 4000 })
    expect(parked?.execution).toMatchObject({ owner: "engine-c", recoveryAttempts: 1 })
  })

  test("list filters by workflow, transaction and state, newest first, with the total; loadById finds one run", async () => {
    await storage.create(execution({ workflowId: "wf", transactionId: "1", id: "wf_exec_a" }))
    await storage.create(execution({ workflowId: "wf", transactionId: "2", id: "wf_exec_b", state: WorkflowState.DONE }))
    await storage.create(execution({ workflowId: "other", transactionId: "3", id: "wf_exec_c" }))

    const all = await storage.list({ take: 2, skip: 0 })
    expect(all.count).toBe(3)
    expect(all.runs.map((r) => r.transactionId)).toEqual(["3", "2"])
    const page2 = await storage.list({ take: 2, skip: 2 })
    expect(page2).toMatchObject({ count: 3, runs: [{ transactionId: "1" }] })
    const filtered = await storage.list({ workflowId: ["wf"], state: [WorkflowState.INVOKING], take: 10, skip: 0 })
    expect(filtered.runs.map((r) => r.id)).toEqual(["wf_exec_a"])
    expect((await storage.list({ transactionId: ["2", "3"], take: 10, skip: 0 })).count).toBe(2)
    expect((await storage.list({ state: [WorkflowState.FAILED], take: 10, skip: 5 })).count).toBe(0)

    expect((await storage.loadById("wf_exec_b"))?.execution).toMatchObject({ workflowId: "wf", transactionId: "2", state: "done" })
    expect(await storage.loadById("wf_exec_missing")).toBeUndefined()
  })

  test("a checkpoint of a run that does not exist is refused", async () => {
    const write = storage.checkpoint({ workflowId: "wf", transactionId: "nope", owner: "engine-a", at: 1, step: step("s") })
    await expect(write).rejects.toThrow()
  })
})

describe("MemoryWorkflowStorage", () => {
  test("with serialize, what is read back is a copy, and values a database could not store are refused", async () => {
    const storage = new MemoryWorkflowStorage({ serialize: true })
    const input = { nested: { list: [1] } }
    await storage.create(execution({ input }))
    input.nested.list.push(2)

    const stored = await storage.load("wf", "tx")
    expect(stored?.execution.input).toEqual({ nested: { list: [1] } })

    const unstorable = storage.checkpoint({ workflowId: "wf", transactionId: "tx", owner: "engine-a", at: 2, step: step("s", { output: () => 1 }) })
    await expect(unstorable).rejects.toThrow()
  })
})
