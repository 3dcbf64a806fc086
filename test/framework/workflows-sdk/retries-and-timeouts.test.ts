import { describe, expect, test } from "vitest"
import { createStep, createWorkflow, parallelize, StepResponse, WorkflowResponse } from "../../../src/framework/workflows-sdk/index.ts"
import { createTestEngine, deferred } from "./helpers.ts"

describe("retries", () => {
  test("a failing step is retried maxRetries times, retryInterval seconds apart, then succeeds", async () => {
    const { container, clock } = createTestEngine()
    const attemptTimes: number[] = []
    const attemptNumbers: number[] = []
    const flaky = createStep({ name: "call-erp", maxRetries: 3, retryInterval: 5 }, async (_: undefined, { metadata }) => {
      attemptTimes.push(clock.now())
      attemptNumbers.push(metadata.attempt)
      if (attemptTimes.length < 3) throw new Error("ERP busy")
      return new StepResponse("synced")
    })
    const workflow = createWorkflow("sync", () => new WorkflowResponse(flaky()))

    const { result, transaction } = await clock.settle(workflow(container).run())

    expect(result).toBe("synced")
    expect(attemptTimes.map((t) => t - (attemptTimes[0] ?? 0))).toEqual([0, 5000, 10000])
    expect(attemptNumbers).toEqual([1, 2, 3])
    expect(transaction.steps["call-erp"]?.attempts).toBe(3)
  })

  test("after maxRetries failed retries the run fails and compensates", async () => {
    const { container, clock } = createTestEngine()
    let attempts = 0
    const compensated: string[] = []
    const first = createStep(
      "reserve",
      async () => new StepResponse("r1"),
      async (id) => {
        compensated.push(String(id))
      },
    )
    const alwaysFails = createStep({ name: "call-erp", maxRetries: 2, retryInterval: 1 }, async () => {
      attempts++
      throw new Error(`ERP down (${attempts})`)
    })
    const workflow = createWorkflow("sync-fails", () => {
      first()
      alwaysFails()
    })

    const error = await clock.settle(workflow(container).run()).catch((e: unknown) => e)

    expect(String(error)).toContain('failed at step "call-erp": ERP down (3)')
    expect(attempts).toBe(3)
    expect(compensated).toEqual(["r1"])
  })

  test("exponential backoff doubles the interval after each failure", async () => {
    const { container, clock } = createTestEngine()
    const attemptTimes: number[] = []
    const flaky = createStep({ name: "flaky", maxRetries: 3, retryInterval: 1, backoff: "exponential" }, async () => {
      attemptTimes.push(clock.now())
      if (attemptTimes.length < 4) throw new Error("not yet")
      return new StepResponse(true)
    })
    const workflow = createWorkflow("backoff", () => new WorkflowResponse(flaky()))

    await clock.settle(workflow(container).run())

    const gaps = attemptTimes.slice(1).map((t, i) => t - (attemptTimes[i] ?? 0))
    expect(gaps).toEqual([1000, 2000, 4000])
  })

  test("without a retryInterval retries happen at once, with no timer involved", async () => {
    const { container, clock } = createTestEngine()
    let attempts = 0
    const flaky = createStep({ name: "flaky", maxRetries: 2 }, async () => {
      attempts++
      if (attempts < 3) throw new Error("not yet")
      return new StepResponse(attempts)
    })
    const workflow = createWorkflow("no-interval", () => new WorkflowResponse(flaky()))

    const { result } = await workflow(container).run()

    expect(result).toBe(3)
    expect(clock.pendingTimers).toBe(0)
  })
})

test("a parallel branch's failure stops another branch's pending retries at once", async () => {
  const { container, clock } = createTestEngine()
  const startedAt = clock.now()
  const otherBranchGate = deferred()
  let retryingAttempts = 0
  const retrying = createStep({ name: "retrying", maxRetries: 5, retryInterval: 60 }, async () => {
    retryingAttempts++
    throw new Error("still failing")
  })
  const failing = createStep("failing", async () => {
    await otherBranchGate.promise
    throw new Error("fatal")
  })
  const workflow = createWorkflow("stop-retries", () => {
    parallelize(retrying(), failing())
  })

  const running = workflow(container).run({ throwOnError: false })
  await new Promise((resolve) => setImmediate(resolve))
  expect(retryingAttempts).toBe(1)
  otherBranchGate.resolve()
  const { transaction } = await running

  expect(transaction.state).toBe("failed")
  expect(retryingAttempts).toBe(1)
  expect(clock.now()).toBe(startedAt)
  expect(transaction.steps["retrying"]?.status).toBe("failed")
})

describe("timeouts", () => {
  test("a step running longer than its timeout fails the run, which compensates", async () => {
    const { container, clock } = createTestEngine()
    const compensated: unknown[] = []
    const neverDone = deferred<StepResponse<string>>()
    const reserve = createStep(
      "reserve",
      async () => new StepResponse("r1"),
      async (id) => {
        compensated.push(id)
      },
    )
    let slowAttempts = 0
    const slow = createStep({ name: "slow-partner-api", timeout: 2, maxRetries: 3 }, async () => {
      slowAttempts++
      return neverDone.promise
    })
    const workflow = createWorkflow("times-out", () => {
      reserve()
      slow()
    })

    const running = workflow(container).run({ throwOnError: false })
    await clock.advance(1999)
    expect(compensated).toEqual([])
    await clock.advance(1)
    const { errors, transaction } = await running

    expect(errors[0]?.error.message).toBe('Step "slow-partner-api" timed out after 2s')
    expect(transaction.state).toBe("failed")
    expect(compensated).toEqual(["r1"])
    // A timed-out attempt may still be running: it is not retried, to avoid doing the work twice.
    expect(slowAttempts).toBe(1)
  })

  test("a step finishing within its timeout is not affected and leaves no timer behind", async () => {
    const { container, clock } = createTestEngine()
    const quick = createStep({ name: "quick", timeout: 10 }, async () => new StepResponse("fast"))
    const workflow = createWorkflow("in-time", () => new WorkflowResponse(quick()))

    const { result } = await workflow(container).run()

    expect(result).toBe("fast")
    expect(clock.pendingTimers).toBe(0)
  })
})
