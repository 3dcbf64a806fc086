import { describe, expect, test } from "vitest"
import {
  createHook,
  createStep,
  createWorkflow,
  parallelize,
  StepResponse,
  WorkflowError,
  WorkflowResponse,
} from "../../../src/framework/workflows-sdk/index.ts"
import { createTestEngine, deferred } from "./helpers.ts"

/** A step that logs its invocation and its compensation, with `undo-<name>` as compensation input. */
function loggedStep(name: string, log: string[]) {
  return createStep(
    name,
    async () => {
      log.push(`invoke ${name}`)
      return new StepResponse(name, `undo-${name}`)
    },
    async (input) => {
      log.push(`compensate ${name} with ${String(input)}`)
    },
  )
}

describe("what a run keeps for its compensation", () => {
  test("a step without a compensation keeps its output only; one with a compensation keeps its input too", async () => {
    const { container } = createTestEngine()
    const log: string[] = []
    const read = createStep("read-cart", async () => new StepResponse({ id: "cart_1", items: ["tee"] }))
    const reserve = loggedStep("reserve", log)
    const workflow = createWorkflow("keep-compensation-inputs", () => {
      read()
      reserve()
    })

    const { transaction } = await workflow(container).run()

    expect(transaction.steps["read-cart"]).toMatchObject({ status: "done", output: { id: "cart_1", items: ["tee"] } })
    expect(transaction.steps["read-cart"]?.compensationInput).toBeUndefined()
    expect(transaction.steps.reserve).toMatchObject({ status: "done", output: "reserve", compensationInput: "undo-reserve" })
  })
})

describe("when a step fails", () => {
  test("every completed step is compensated once, in reverse order, the failing one first with undefined", async () => {
    const { container } = createTestEngine()
    const log: string[] = []
    const reserve = loggedStep("reserve", log)
    const charge = loggedStep("charge", log)
    const ship = loggedStep("ship", log)
    const withoutUndo = createStep("send-email", async () => {
      log.push("invoke send-email")
      return new StepResponse("sent")
    })
    const failing = createStep(
      "create-order",
      async () => {
        log.push("invoke create-order")
        throw new Error("card declined")
      },
      async (input) => {
        log.push(`compensate create-order with ${String(input)}`)
      },
    )
    const workflow = createWorkflow("checkout", () => {
      reserve()
      withoutUndo()
      charge()
      ship()
      failing()
    })

    const run = workflow(container).run()

    await expect(run).rejects.toThrow('Workflow "checkout" failed at step "create-order": card declined')
    expect(log).toEqual([
      "invoke reserve",
      "invoke send-email",
      "invoke charge",
      "invoke ship",
      "invoke create-order",
      "compensate create-order with undefined",
      "compensate ship with undo-ship",
      "compensate charge with undo-charge",
      "compensate reserve with undo-reserve",
    ])
  })

  test("the thrown error names the step and keeps the step's own error as its cause", async () => {
    const { container } = createTestEngine()
    class OutOfStock extends Error {}
    const failing = createStep("reserve-inventory", async () => {
      throw new OutOfStock("sku-1 is out of stock")
    })
    const workflow = createWorkflow("reserve", () => {
      failing()
    })

    const error = await workflow(container).run().catch((e: unknown) => e)

    expect(error).toBeInstanceOf(WorkflowError)
    const workflowError = error as WorkflowError
    expect(workflowError.stepId).toBe("reserve-inventory")
    expect(workflowError.cause).toBeInstanceOf(OutOfStock)
    expect(workflowError.state).toBe("failed")
  })

  test("with throwOnError: false the failure is reported in errors and the run is marked failed", async () => {
    const { container } = createTestEngine()
    const log: string[] = []
    const reserve = loggedStep("reserve", log)
    const failing = createStep("charge", async () => {
      throw new Error("declined")
    })
    const workflow = createWorkflow("pay", () => {
      reserve()
      failing()
      return new WorkflowResponse("never")
    })

    const { result, errors, transaction } = await workflow(container).run({ throwOnError: false })

    expect(result).toBeUndefined()
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ stepId: "charge", action: "invoke" })
    expect(errors[0]?.error.message).toBe("declined")
    expect(transaction.state).toBe("failed")
    expect(transaction.steps["reserve"]?.status).toBe("compensated")
    expect(transaction.steps["charge"]?.status).toBe("failed")
    expect(transaction.steps["charge"]?.error?.message).toBe("declined")
    expect(log).toContain("compensate reserve with undo-reserve")
  })

  test("a parallel sibling that finishes after the failure is compensated too", async () => {
    const { container, engine } = createTestEngine()
    const log: string[] = []
    const slowGate = deferred()
    const before = loggedStep("before", log)
    const slow = createStep(
      "slow-branch",
      async () => {
        await slowGate.promise
        log.push("invoke slow-branch")
        return new StepResponse("slow", "undo-slow")
      },
      async (input) => {
        log.push(`compensate slow-branch with ${String(input)}`)
      },
    )
    const failing = createStep("failing-branch", async () => {
      throw new Error("branch failed")
    })
    const workflow = createWorkflow("parallel-failure", () => {
      before()
      parallelize(slow(), failing())
    })

    const running = workflow(container).run({ transactionId: "tx-1", throwOnError: false })
    await new Promise((resolve) => setImmediate(resolve))
    const meanwhile = await engine.getTransaction("parallel-failure", "tx-1")
    expect(meanwhile?.steps["failing-branch"]?.status).toBe("failed")
    // Still running: a step's start is not written, only its end.
    expect(meanwhile?.steps["slow-branch"]).toBeUndefined()
    slowGate.resolve()
    const { transaction } = await running

    expect(transaction.state).toBe("failed")
    expect(log).toEqual([
      "invoke before",
      "invoke slow-branch",
      "compensate slow-branch with undo-slow",
      "compensate before with undo-before",
    ])
  })

  test("a hook handler's compensation runs when a later step fails", async () => {
    const { container } = createTestEngine()
    const log: string[] = []
    const failing = createStep("after-hook", async () => {
      throw new Error("late failure")
    })
    const workflow = createWorkflow("with-hook", () => {
      const created = createHook("created", { id: "brand_1" })
      failing()
      return new WorkflowResponse(undefined, { hooks: [created] })
    })
    workflow.hooks.created(
      async ({ id }) => {
        log.push(`hook ${id}`)
        return new StepResponse(id, `undo-${id}`)
      },
      async (input) => {
        log.push(`compensate hook with ${String(input)}`)
      },
    )

    await expect(workflow(container).run()).rejects.toThrow("late failure")
    expect(log).toEqual(["hook brand_1", "compensate hook with undo-brand_1"])
  })

  test("StepResponse.permanentFailure fails without retrying and hands its compensation input over", async () => {
    const { container } = createTestEngine()
    let attempts = 0
    const compensatedWith: unknown[] = []
    const partial = createStep(
      { name: "import-products", maxRetries: 5 },
      async () => {
        attempts++
        return StepResponse.permanentFailure("bad file", { imported: ["p1"] })
      },
      async (input) => {
        compensatedWith.push(input)
      },
    )
    const workflow = createWorkflow("import", () => {
      partial()
    })

    await expect(workflow(container).run()).rejects.toThrow("bad file")
    expect(attempts).toBe(1)
    expect(compensatedWith).toEqual([{ imported: ["p1"] }])
  })
})

describe("when a compensation fails", () => {
  test("it is retried, and the run ends rolled back when a retry succeeds", async () => {
    const { container } = createTestEngine()
    let compensations = 0
    const flakyUndo = createStep(
      "reserve",
      async () => new StepResponse("r1"),
      async () => {
        compensations++
        if (compensations < 3) throw new Error("inventory service unavailable")
      },
    )
    const failing = createStep("charge", async () => {
      throw new Error("declined")
    })
    const workflow = createWorkflow("flaky-undo", () => {
      flakyUndo()
      failing()
    })

    const { transaction, errors } = await workflow(container).run({ throwOnError: false })

    expect(compensations).toBe(3)
    expect(transaction.state).toBe("failed")
    expect(transaction.steps["reserve"]?.status).toBe("compensated")
    expect(errors.map((e) => e.action)).toEqual(["invoke"])
  })

  test("the run ends compensation_failed with the error recorded, never reported as rolled back", async () => {
    const { container, engine } = createTestEngine()
    const log: string[] = []
    const first = loggedStep("first", log)
    const brokenUndo = createStep(
      { name: "reserve", compensationMaxRetries: 2 },
      async () => new StepResponse("r1"),
      async () => {
        log.push("compensate reserve")
        throw new Error("inventory service down")
      },
    )
    const failing = createStep("charge", async () => {
      throw new Error("declined")
    })
    const workflow = createWorkflow("broken-undo", () => {
      first()
      brokenUndo()
      failing()
    })

    const error = await workflow(container).run({ transactionId: "tx-broken" }).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(WorkflowError)
    const workflowError = error as WorkflowError
    expect(workflowError.state).toBe("compensation_failed")
    expect(workflowError.message).toContain('compensation of step "reserve" failed too: inventory service down')
    expect(workflowError.errors.map((e) => [e.stepId, e.action])).toEqual([
      ["charge", "invoke"],
      ["reserve", "compensate"],
    ])
    // Three attempts (two retries); the earlier step is left for an operator rather than undone out of order.
    expect(log.filter((line) => line === "compensate reserve")).toHaveLength(3)
    expect(log).not.toContain("compensate first with undo-first")
    const stored = await engine.getTransaction("broken-undo", "tx-broken")
    expect(stored?.state).toBe("compensation_failed")
    expect(stored?.steps["reserve"]?.status).toBe("compensation_failed")
    expect(stored?.execution.errors.map((e) => e.error.message)).toEqual(["declined", "inventory service down"])
  })
})
