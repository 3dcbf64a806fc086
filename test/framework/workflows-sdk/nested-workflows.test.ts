import { describe, expect, test } from "vitest"
import { createStep, createWorkflow, StepResponse, WorkflowResponse, type WorkflowData } from "../../../src/framework/workflows-sdk/index.ts"
import { createTestEngine } from "./helpers.ts"

function reservationWorkflow(log: string[], options: { failAt?: string } = {}) {
  const step = (name: string) =>
    createStep(
      name,
      async (sku: string) => {
        if (options.failAt === name) throw new Error(`${name} failed`)
        log.push(`${name} ${sku}`)
        return new StepResponse(`${name}:${sku}`)
      },
      async (done) => {
        log.push(`undo ${String(done)}`)
      },
    )
  const reserve = step("reserve")
  const label = step("label")
  return createWorkflow("reserve-stock", (input: WorkflowData<{ sku: string }>) => {
    const reservation = reserve(input.sku)
    label(input.sku)
    return new WorkflowResponse(reservation)
  })
}

describe("a workflow run as a step", () => {
  test("its result flows to the parent's next steps", async () => {
    const { container } = createTestEngine()
    const log: string[] = []
    const child = reservationWorkflow(log)
    const confirm = createStep("confirm", async (reservation: string) => new StepResponse(`confirmed ${reservation}`))
    const parent = createWorkflow("place-order", (input: WorkflowData<{ sku: string }>) => {
      const reservation = child.runAsStep({ input: { sku: input.sku } })
      return new WorkflowResponse(confirm(reservation))
    })

    const { result, transaction } = await parent(container).run({ input: { sku: "tee" } })

    expect(result).toBe("confirmed reserve:tee")
    expect(transaction.steps["reserve-stock-as-step"]?.status).toBe("done")
  })

  test("when the parent fails later, the nested workflow is compensated as one unit, in reverse order", async () => {
    const { container, engine } = createTestEngine()
    const log: string[] = []
    const child = reservationWorkflow(log)
    const before = createStep(
      "open-order",
      async () => {
        log.push("open-order")
        return new StepResponse("order")
      },
      async () => {
        log.push("undo order")
      },
    )
    const charge = createStep("charge", async () => {
      throw new Error("declined")
    })
    const parent = createWorkflow("place-order", (input: WorkflowData<{ sku: string }>) => {
      before()
      child.runAsStep({ input: { sku: input.sku } })
      charge()
    })

    await expect(parent(container).run({ input: { sku: "tee" }, transactionId: "tx" })).rejects.toThrow("declined")

    expect(log).toEqual(["open-order", "reserve tee", "label tee", "undo label:tee", "undo reserve:tee", "undo order"])
    const childRun = await engine.getTransaction("reserve-stock", "tx/reserve-stock-as-step")
    expect(childRun?.state).toBe("failed")
    expect(childRun?.steps["reserve"]?.status).toBe("compensated")
  })

  test("when the nested workflow fails, it rolls itself back and the parent compensates its own steps", async () => {
    const { container } = createTestEngine()
    const log: string[] = []
    const child = reservationWorkflow(log, { failAt: "label" })
    const before = createStep(
      "open-order",
      async () => new StepResponse("order"),
      async () => {
        log.push("undo order")
      },
    )
    const parent = createWorkflow("place-order", (input: WorkflowData<{ sku: string }>) => {
      before()
      child.runAsStep({ input: { sku: input.sku } })
    })

    const error = await parent(container).run({ input: { sku: "tee" } }).catch((e: unknown) => e)

    expect(String(error)).toContain('failed at step "reserve-stock-as-step": Nested workflow "reserve-stock" ended failed: label failed')
    expect(log).toEqual(["reserve tee", "undo undefined", "undo reserve:tee", "undo order"])
  })

  test("an async step inside the nested workflow parks the parent, and completing it finishes both", async () => {
    const { container, engine } = createTestEngine()
    const approve = createStep<string, { approved: boolean }>({ name: "manager-approval", async: true }, async () => {})
    const child = createWorkflow("approval", (input: WorkflowData<{ quote: string }>) => new WorkflowResponse(approve(input.quote)))
    const finish = createStep("finish", async (decision: { approved: boolean }) => new StepResponse(decision.approved ? "accepted" : "rejected"))
    const parent = createWorkflow("quote", (input: WorkflowData<{ quote: string }>) => {
      const decision = child.runAsStep({ input: { quote: input.quote } })
      return new WorkflowResponse(finish(decision))
    })

    const parked = await parent(container).run({ input: { quote: "q1" }, transactionId: "q-tx" })
    expect(parked.transaction.state).toBe("waiting")
    await engine.setStepSuccess({
      idempotencyKey: "approval:q-tx/approval-as-step:manager-approval:invoke",
      stepResponse: new StepResponse({ approved: true }),
    })

    const finished = await parent(container).run({ input: { quote: "q1" }, transactionId: "q-tx" })
    expect(finished.transaction.state).toBe("done")
    expect(finished.result).toBe("accepted")
  })
})
