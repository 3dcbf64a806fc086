import { describe, expect, test } from "vitest"
import {
  MemoryWorkflowStorage,
  OwnershipLostError,
  WorkflowState,
  type ExecutionRecord,
  type StepRecord,
} from "../../../src/framework/orchestrator/index.ts"

function execution(overrides: Partial<ExecutionRecord> = {}): ExecutionRecord {
  return {
    workflowId: "wf",
    transactionId: "tx",
    state: WorkflowState.INVOKING,
    input: { a: 1 },
    context: { workflowId: "wf", transactionId: "tx" },
    result: undefined,
    errors: [],
    owner: "engine-a",
    heartbeatAt: 1000,
    parent: null,
    retainUntil: null,
    createdAt: 1000,
    updatedAt: 1000,
    finishedAt: null,
    ...overrides,
  }
}

function step(stepId: string, overrides: Partial<StepRecord> = {}): StepRecord {
  return {
    stepId,
    status: "done",
    attempts: 1,
    output: { value: 1 },
    compensationInput: 1,
    error: null,
    startedAt: 1000,
    finishedAt: 1001,
    completionOrder: 1,
    nextAttemptAt: null,
    deadlineAt: null,
    compensationAttempts: 0,
    ...overrides,
  }
}

describe("MemoryWorkflowStorage", () => {
  test("a (workflow, transaction) pair is created once; the second create gets the stored run", async () => {
    const storage = new MemoryWorkflowStorage()

    expect(await storage.create(execution())).toEqual({ created: true })
    const second = await storage.create(execution({ input: { a: 2 } }))

    expect(second.created).toBe(false)
    expect(second.created === false && second.existing.execution.input).toEqual({ a: 1 })
    expect((await storage.create(execution({ transactionId: "other" }))).created).toBe(true)
  })

  test("a checkpoint upserts the step, patches the run and refreshes the heartbeat", async () => {
    const storage = new MemoryWorkflowStorage()
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

  test("a checkpoint from an engine that does not own the run is refused", async () => {
    const storage = new MemoryWorkflowStorage()
    await storage.create(execution({ owner: "engine-a" }))

    const write = storage.checkpoint({ workflowId: "wf", transactionId: "tx", owner: "engine-b", at: 2000, step: step("s1") })

    await expect(write).rejects.toBeInstanceOf(OwnershipLostError)
    expect((await storage.load("wf", "tx"))?.steps).toEqual([])
  })

  test("acquire takes a run that is free, already ours, or whose owner went silent, and nothing else", async () => {
    const storage = new MemoryWorkflowStorage()
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
    const storage = new MemoryWorkflowStorage()
    await storage.create(execution({ transactionId: "silent", heartbeatAt: 1000 }))
    await storage.create(execution({ transactionId: "alive", heartbeatAt: 9000 }))
    await storage.create(execution({ transactionId: "parked", state: WorkflowState.WAITING, owner: null }))
    await storage.create(execution({ transactionId: "done", state: WorkflowState.DONE, owner: null, heartbeatAt: 0 }))

    const found = await storage.listRecoverable({ staleBefore: 5000, limit: 10 })

    expect(found.map((key) => key.transactionId).sort()).toEqual(["parked", "silent"])
  })

  test("deleteExpired removes finished runs past their retention only", async () => {
    const storage = new MemoryWorkflowStorage()
    await storage.create(execution({ transactionId: "old", state: WorkflowState.DONE, retainUntil: 1000 }))
    await storage.create(execution({ transactionId: "kept", state: WorkflowState.DONE, retainUntil: 9000 }))
    await storage.create(execution({ transactionId: "running", retainUntil: null }))

    expect(await storage.deleteExpired(5000)).toBe(1)
    expect(await storage.load("wf", "old")).toBeUndefined()
    expect(await storage.load("wf", "kept")).toBeDefined()
    expect(await storage.load("wf", "running")).toBeDefined()
  })

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
