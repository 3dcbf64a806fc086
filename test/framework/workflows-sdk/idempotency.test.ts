import { randomUUID } from "node:crypto"
import { describe, expect, test } from "vitest"
import { MemoryWorkflowStorage, ManualClock } from "../../../src/framework/orchestrator/index.ts"
import { createStep, createWorkflow, StepResponse, WorkflowResponse, type WorkflowData } from "../../../src/framework/workflows-sdk/index.ts"
import { createTestEngine, deferred } from "./helpers.ts"

function countingWorkflow(name: string, options: { gate?: Promise<void>; fail?: boolean } = {}) {
  const calls = { count: 0 }
  const charge = createStep("charge", async (amount: number) => {
    calls.count++
    await options.gate
    if (options.fail === true) throw new Error("declined")
    return new StepResponse({ charged: amount, call: calls.count })
  })
  const workflow = createWorkflow(name, (input: WorkflowData<{ amount: number }>) => new WorkflowResponse(charge(input.amount)))
  return { workflow, calls }
}

describe("idempotency by transaction id", () => {
  test("running a finished transaction id again returns the stored result and runs nothing", async () => {
    const { container } = createTestEngine()
    const { workflow, calls } = countingWorkflow("charge")

    const first = await workflow(container).run({ input: { amount: 10 }, transactionId: "order-1" })
    const second = await workflow(container).run({ input: { amount: 99 }, transactionId: "order-1" })

    expect(first.result).toEqual({ charged: 10, call: 1 })
    expect(second.result).toEqual({ charged: 10, call: 1 })
    expect(calls.count).toBe(1)
  })

  test("a different transaction id is a different run", async () => {
    const { container } = createTestEngine()
    const { workflow, calls } = countingWorkflow("charge")

    await workflow(container).run({ input: { amount: 10 }, transactionId: "order-1" })
    await workflow(container).run({ input: { amount: 10 }, transactionId: "order-2" })

    expect(calls.count).toBe(2)
  })

  test("a failed transaction id fails again with the stored error, without running", async () => {
    const { container } = createTestEngine()
    const { workflow, calls } = countingWorkflow("charge", { fail: true })

    await expect(workflow(container).run({ input: { amount: 10 }, transactionId: "order-1" })).rejects.toThrow("declined")
    await expect(workflow(container).run({ input: { amount: 10 }, transactionId: "order-1" })).rejects.toThrow(
      'Workflow "charge" failed at step "charge": declined',
    )
    expect(calls.count).toBe(1)
  })

  test("two concurrent runs with one transaction id execute once and both callers get the result", async () => {
    const { container } = createTestEngine()
    const gate = deferred()
    const { workflow, calls } = countingWorkflow("charge", { gate: gate.promise })

    const first = workflow(container).run({ input: { amount: 10 }, transactionId: "order-1" })
    const second = workflow(container).run({ input: { amount: 10 }, transactionId: "order-1" })
    gate.resolve()
    const [a, b] = await Promise.all([first, second])

    expect(calls.count).toBe(1)
    expect(a.result).toEqual({ charged: 10, call: 1 })
    expect(b.result).toEqual(a.result)
  })

  test("two engines sharing a storage run one transaction id once: the second waits for the first", async () => {
    const storage = new MemoryWorkflowStorage({ serialize: true })
    const clock = new ManualClock()
    const one = createTestEngine({ storage, clock, owner: "one" })
    const two = createTestEngine({ storage, clock, owner: "two" })
    const gate = deferred()
    const { workflow, calls } = countingWorkflow("charge", { gate: gate.promise })

    const first = workflow(one.container).run({ input: { amount: 10 }, transactionId: "order-1" })
    await new Promise((resolve) => setImmediate(resolve))
    const second = workflow(two.container).run({ input: { amount: 10 }, transactionId: "order-1" })
    await clock.advance(500)
    gate.resolve()
    const [a, b] = await clock.settle(Promise.all([first, second]))

    expect(calls.count).toBe(1)
    expect(b.result).toEqual(a.result)
  })

  test("without an engine in the container, runs share a default in-memory engine, so ids stay idempotent", async () => {
    const { workflow, calls } = countingWorkflow(`default-engine-${randomUUID()}`)

    const first = await workflow().run({ input: { amount: 5 }, transactionId: "same" })
    const second = await workflow().run({ input: { amount: 5 }, transactionId: "same" })

    expect(calls.count).toBe(1)
    expect(second.result).toEqual(first.result)
  })

  test("a finished run answers for its workflow's retentionTime; after that the id runs anew", async () => {
    const { container, clock, engine } = createTestEngine()
    let calls = 0
    const step = createStep("count", async () => new StepResponse(++calls))
    const workflow = createWorkflow({ name: "short-lived", idempotent: true, retentionTime: 120 }, () => new WorkflowResponse(step()))

    await workflow(container).run({ transactionId: "same" })
    await clock.advance(119_000)
    await workflow(container).run({ transactionId: "same" })
    expect(calls).toBe(1)

    await clock.advance(61_000)
    const again = await workflow(container).run({ transactionId: "same" })

    expect(calls).toBe(2)
    expect(again.result).toBe(2)
    expect((await engine.getTransaction("short-lived", "same"))?.execution.retainUntil).toBe(clock.now() + 120_000)
  })
})
