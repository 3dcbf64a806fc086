import { describe, expect, test } from "vitest"
import {
  createStep,
  createWorkflow,
  parallelize,
  StepResponse,
  WorkflowResponse,
  type WorkflowData,
} from "../../../src/framework/workflows-sdk/index.ts"
import { createTestEngine, deferred } from "./helpers.ts"

type Payment = { amount: number }

function paymentWorkflow(log: string[], timeout?: number) {
  const reserve = createStep(
    "reserve",
    async (orderId: string) => {
      log.push(`reserve ${orderId}`)
      return new StepResponse(`res-${orderId}`)
    },
    async (reservation) => {
      log.push(`release ${String(reservation)}`)
    },
  )
  const awaitPayment = createStep<{ orderId: string }, Payment>(
    { name: "await-payment", async: true, timeout },
    async ({ orderId }, { idempotencyKey }) => {
      log.push(`payment requested for ${orderId} with key ${idempotencyKey}`)
    },
    async (payment) => {
      log.push(`refund ${JSON.stringify(payment)}`)
    },
  )
  const capture = createStep("capture", async (payment: Payment) => {
    log.push(`capture ${payment.amount}`)
    return new StepResponse(`captured ${payment.amount}`)
  })
  return createWorkflow("pay-later", (input: WorkflowData<{ orderId: string }>) => {
    reserve(input.orderId)
    const payment = awaitPayment({ orderId: input.orderId })
    return new WorkflowResponse(capture(payment))
  })
}

describe("async steps", () => {
  test("run() returns with the run waiting, and setStepSuccess completes the step so the run goes on", async () => {
    const { container, engine } = createTestEngine()
    const log: string[] = []
    const workflow = paymentWorkflow(log)

    const first = await workflow(container).run({ input: { orderId: "o1" }, transactionId: "tx-1" })

    expect(first.transaction.state).toBe("waiting")
    expect(first.result).toBeUndefined()
    expect(first.transaction.steps["await-payment"]?.status).toBe("waiting")
    expect(log).toEqual(["reserve o1", "payment requested for o1 with key pay-later:tx-1:await-payment:invoke"])

    const completed = await engine.setStepSuccess({
      idempotencyKey: "pay-later:tx-1:await-payment:invoke",
      stepResponse: new StepResponse({ amount: 42 }),
    })

    expect(completed.state).toBe("done")
    expect(completed.result).toBe("captured 42")
    expect(log.at(-1)).toBe("capture 42")
    const again = await workflow(container).run({ input: { orderId: "o1" }, transactionId: "tx-1" })
    expect(again.result).toBe("captured 42")
    expect(log.filter((line) => line.startsWith("reserve"))).toHaveLength(1)
  })

  test("the step can also be named by the parts of its key", async () => {
    const { container, engine } = createTestEngine()
    const workflow = paymentWorkflow([])
    await workflow(container).run({ input: { orderId: "o7" }, transactionId: "tx:7" })

    const report = await engine.setStepSuccess({
      idempotencyKey: { workflowId: "pay-later", transactionId: "tx:7", stepId: "await-payment", action: "invoke" },
      stepResponse: { amount: 7 },
    })

    expect(report.result).toBe("captured 7")
  })

  test("setStepFailure fails the waiting step and the run compensates", async () => {
    const { container, engine } = createTestEngine()
    const log: string[] = []
    const workflow = paymentWorkflow(log)
    await workflow(container).run({ input: { orderId: "o2" }, transactionId: "tx-2" })

    const report = await engine.setStepFailure({
      idempotencyKey: "pay-later:tx-2:await-payment:invoke",
      error: new Error("payment refused"),
    })

    expect(report.state).toBe("failed")
    expect(report.errors[0]).toMatchObject({ stepId: "await-payment", action: "invoke" })
    expect(report.errors[0]?.error.message).toBe("payment refused")
    expect(log.slice(-2)).toEqual(["refund undefined", "release res-o2"])
    const rerun = workflow(container).run({ input: { orderId: "o2" }, transactionId: "tx-2" })
    await expect(rerun).rejects.toThrow('failed at step "await-payment": payment refused')
  })

  test("a waiting step with a timeout fails when it expires", async () => {
    const { container, engine, clock } = createTestEngine()
    const log: string[] = []
    const workflow = paymentWorkflow(log, 60)
    await workflow(container).run({ input: { orderId: "o3" }, transactionId: "tx-3" })

    await clock.advance(59_000)
    expect((await engine.getTransaction("pay-later", "tx-3"))?.state).toBe("waiting")
    await clock.advance(1_000)

    const stored = await engine.getTransaction("pay-later", "tx-3")
    expect(stored?.state).toBe("failed")
    expect(stored?.execution.errors[0]?.error.message).toBe('Step "await-payment" timed out after 60s')
    expect(log.at(-1)).toBe("release res-o3")
  })

  test("completing a step that is not waiting is refused and changes nothing", async () => {
    const { container, engine } = createTestEngine()
    const log: string[] = []
    const workflow = paymentWorkflow(log)
    await workflow(container).run({ input: { orderId: "o4" }, transactionId: "tx-4" })
    await engine.setStepSuccess({ idempotencyKey: "pay-later:tx-4:await-payment:invoke", stepResponse: { amount: 1 } })

    const twice = engine.setStepSuccess({ idempotencyKey: "pay-later:tx-4:await-payment:invoke", stepResponse: { amount: 2 } })

    await expect(twice).rejects.toThrow('Step "await-payment" of run pay-later/tx-4 is not waiting (it is done)')
    expect(log.filter((line) => line.startsWith("capture"))).toEqual(["capture 1"])
    expect((await engine.getTransaction("pay-later", "tx-4"))?.execution.owner).toBeNull()
  })

  test("a timeout that fires after the step was completed does nothing", async () => {
    const { container, engine, clock } = createTestEngine()
    const log: string[] = []
    const workflow = paymentWorkflow(log, 60)
    await workflow(container).run({ input: { orderId: "o5" }, transactionId: "tx-5" })
    await engine.setStepSuccess({ idempotencyKey: "pay-later:tx-5:await-payment:invoke", stepResponse: { amount: 5 } })

    await clock.advance(120_000)

    expect((await engine.getTransaction("pay-later", "tx-5"))?.state).toBe("done")
    expect(log).not.toContain("release res-o5")
  })

  test("an async step completed while a parallel sibling still runs lets the same run() finish", async () => {
    const { container, engine } = createTestEngine()
    const siblingGate = deferred()
    const external = createStep<undefined, string>({ name: "external", async: true }, async () => {})
    const sibling = createStep("sibling", async () => {
      await siblingGate.promise
      return new StepResponse("sibling done")
    })
    const workflow = createWorkflow("mixed-parallel", () => {
      const [a, b] = parallelize(external(), sibling())
      return new WorkflowResponse({ a, b })
    })

    const running = workflow(container).run({ transactionId: "tx-6" })
    await new Promise((resolve) => setImmediate(resolve))
    const completing = engine.setStepSuccess({ idempotencyKey: "mixed-parallel:tx-6:external:invoke", stepResponse: "external done" })
    siblingGate.resolve()
    const [{ result, transaction }, report] = await Promise.all([running, completing])

    expect(transaction.state).toBe("done")
    expect(result).toEqual({ a: "external done", b: "sibling done" })
    expect(report.state).toBe("done")
  })
})
