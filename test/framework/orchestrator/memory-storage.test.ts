import { describe, expect, test } from "vitest"
import { MemoryWorkflowStorage, WorkflowState, type ExecutionRecord } from "../../../src/framework/orchestrator/index.ts"
import { createStep, createWorkflow, StepResponse, WorkflowResponse, type WorkflowData } from "../../../src/framework/workflows-sdk/index.ts"
import { createTestEngine } from "../workflows-sdk/helpers.ts"
import { executionRecord, stepRecord } from "./records.ts"

function execution(transactionId: string, overrides: Partial<ExecutionRecord> = {}): ExecutionRecord {
  return executionRecord({ id: `wf_exec_${transactionId}`, transactionId, ...overrides })
}


/** A run that did one step and finished. */
async function runToEnd(storage: MemoryWorkflowStorage, transactionId: string, overrides: Partial<ExecutionRecord> = {}) {
  await storage.create(execution(transactionId, overrides))
  await storage.checkpoint({ workflowId: "wf", transactionId, owner: "engine", at: 2000, step: stepRecord("s1", { output: 1 }) })
  await storage.checkpoint({ workflowId: "wf", transactionId, owner: "engine", at: 3000, execution: { state: WorkflowState.DONE, owner: null, result: transactionId } })
}

describe("finished runs in memory", () => {
  test("older ones keep their outcome, not their steps: their transaction id still answers, and nothing runs again", async () => {
    const { container, engine } = createTestEngine({ storage: new MemoryWorkflowStorage({ maxFinishedRunsWithSteps: 2 }) })
    let calls = 0
    const charge = createStep("charge", async (amount: number) => new StepResponse({ charged: amount, call: ++calls }))
    const workflow = createWorkflow("charge-kept", (input: WorkflowData<{ amount: number }>) => new WorkflowResponse(charge(input.amount)))

    const first = await workflow(container).run({ input: { amount: 10 }, transactionId: "order-1" })
    for (const id of ["order-2", "order-3"]) await workflow(container).run({ input: { amount: 1 }, transactionId: id })
    const again = await workflow(container).run({ input: { amount: 99 }, transactionId: "order-1" })

    expect(again.result).toEqual(first.result)
    expect(calls).toBe(3)
    expect((await engine.getTransaction("charge-kept", "order-1"))?.steps).toEqual({})
    expect(Object.keys((await engine.getTransaction("charge-kept", "order-3"))?.steps ?? {})).toEqual(["charge"])
    // An operator sees the run's outcome, not made-up pending steps.
    const described = await engine.describeRun(first.transaction.execution.id)
    expect(described?.execution).toMatchObject({ state: "done", result: first.result })
    expect(described?.steps).toEqual([])
  })

  test("an older failed run fails again with its error, whose stack frames were let go", async () => {
    const { container } = createTestEngine({ storage: new MemoryWorkflowStorage({ maxFinishedRunsWithSteps: 1 }) })
    const decline = createStep("decline", async () => {
      throw new Error("declined")
    })
    const workflow = createWorkflow("declined-kept", () => {
      decline()
    })

    await workflow(container).run({ transactionId: "order-1", throwOnError: false })
    await workflow(container).run({ transactionId: "order-2", throwOnError: false })
    const again = await workflow(container).run({ transactionId: "order-1", throwOnError: false })

    expect(again.transaction.state).toBe("failed")
    expect(again.errors[0]?.error.message).toBe("declined")
    expect(again.errors[0]?.error.stack).toBe("Error: declined")
  })

  test("a nested run keeps its steps however old it gets: its parent may still compensate it", async () => {
    const storage = new MemoryWorkflowStorage({ maxFinishedRunsWithSteps: 1 })

    await runToEnd(storage, "parent/child", { parent: { workflowId: "parent", transactionId: "parent", stepId: "child" } })
    await runToEnd(storage, "later-1")
    await runToEnd(storage, "later-2")

    expect((await storage.load("wf", "parent/child"))?.steps.map((s) => s.stepId)).toEqual(["s1"])
    expect((await storage.load("wf", "later-1"))?.steps).toEqual([])
    expect((await storage.load("wf", "later-2"))?.steps.map((s) => s.stepId)).toEqual(["s1"])
  })

  test("beyond maxFinishedRuns the runs that finished first are forgotten; a running one never is", async () => {
    const storage = new MemoryWorkflowStorage({ maxFinishedRuns: 2 })
    await storage.create(execution("running"))

    for (const id of ["a", "b", "c"]) await runToEnd(storage, id)

    expect(await storage.load("wf", "a")).toBeUndefined()
    expect((await storage.load("wf", "b"))?.execution.result).toBe("b")
    expect((await storage.load("wf", "c"))?.execution.result).toBe("c")
    expect((await storage.load("wf", "running"))?.execution.state).toBe("invoking")
  })

  test("a finished run that runs again (a nested run its parent compensates) is not forgotten meanwhile", async () => {
    const storage = new MemoryWorkflowStorage({ maxFinishedRuns: 1 })
    await runToEnd(storage, "child")
    await storage.acquire({ workflowId: "wf", transactionId: "child", owner: "engine", staleBefore: 0, now: 4000 })
    await storage.checkpoint({ workflowId: "wf", transactionId: "child", owner: "engine", at: 4000, execution: { state: WorkflowState.COMPENSATING } })

    await runToEnd(storage, "other-1")
    await runToEnd(storage, "other-2")

    expect((await storage.load("wf", "child"))?.execution.state).toBe("compensating")
    expect(await storage.load("wf", "other-1")).toBeUndefined()
  })
})
