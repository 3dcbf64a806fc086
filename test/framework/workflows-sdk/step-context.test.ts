import { asValue, createContainer } from "awilix"
import { describe, expect, test } from "vitest"
import {
  createStep,
  createWorkflow,
  defaultWorkflowEngine,
  StepResponse,
  WORKFLOW_ENGINE_KEY,
  WorkflowResponse,
  workflowEngineFor,
  type StepExecutionContext,
} from "../../../src/framework/workflows-sdk/index.ts"
import { createTestEngine } from "./helpers.ts"

type Inventory = { reserve(sku: string): string }

describe("the step context", () => {
  test("gives the container, the run's context, metadata and the idempotency key", async () => {
    const { container } = createTestEngine()
    container.register("inventory", asValue<Inventory>({ reserve: (sku) => `res_${sku}` }))
    const seen: Omit<StepExecutionContext, "container">[] = []
    const reserve = createStep("reserve", async (sku: string, { container, ...rest }) => {
      seen.push(rest)
      return new StepResponse(container.resolve<Inventory>("inventory").reserve(sku))
    })
    const workflow = createWorkflow("reserve-one", () => new WorkflowResponse(reserve("tee")))

    const { result } = await workflow(container).run({ transactionId: "tx-9", context: { requestId: "req-1" } })

    expect(result).toBe("res_tee")
    expect(seen).toEqual([
      {
        context: { requestId: "req-1", workflowId: "reserve-one", transactionId: "tx-9" },
        metadata: { workflowId: "reserve-one", transactionId: "tx-9", stepId: "reserve", attempt: 1, action: "invoke", resumed: false },
        idempotencyKey: "reserve-one:tx-9:reserve:invoke",
      },
    ])
  })

  test("a compensation gets its own idempotency key and action", async () => {
    const { container } = createTestEngine()
    const keys: string[] = []
    const undoable = createStep(
      "undoable",
      async () => new StepResponse(1),
      async (_, { idempotencyKey, metadata }) => {
        keys.push(`${idempotencyKey} ${metadata.action}`)
      },
    )
    const failing = createStep("failing", async () => {
      throw new Error("no")
    })
    const workflow = createWorkflow("undo-keys", () => {
      undoable()
      failing()
    })

    await workflow(container).run({ transactionId: "t1", throwOnError: false })

    expect(keys).toEqual(["undo-keys:t1:undoable:compensate compensate"])
  })
})

describe("where a run gets its engine", () => {
  test("the engine registered under WORKFLOW_ENGINE_KEY, also from a request scope", async () => {
    const { container, engine } = createTestEngine()
    const scope = container.createScope()
    const step = createStep("noop", async () => new StepResponse("ok"))
    const workflow = createWorkflow("scoped", () => new WorkflowResponse(step()))

    await workflow(scope).run({ transactionId: "scoped-1" })

    expect(workflowEngineFor(scope)).toBe(engine)
    expect((await engine.getTransaction("scoped", "scoped-1"))?.state).toBe("done")
  })

  test("the default in-memory engine when the container registers none, or when run without a container", async () => {
    const step = createStep("noop", async (_: undefined, { container }) => new StepResponse(container.hasRegistration("anything")))
    const workflow = createWorkflow("without-engine", () => new WorkflowResponse(step()))

    const { result, transaction } = await workflow().run()

    expect(result).toBe(false)
    expect(workflowEngineFor(createContainer())).toBe(defaultWorkflowEngine())
    expect((await defaultWorkflowEngine().getTransaction("without-engine", transaction.transactionId))?.state).toBe("done")
  })

  test("something else registered under the key is refused", () => {
    const container = createContainer()
    container.register(WORKFLOW_ENGINE_KEY, asValue({ run: () => undefined }))

    expect(() => workflowEngineFor(container)).toThrow('The container\'s "workflowEngine" registration is not a WorkflowEngine')
  })

  test("workflow.run({ container }) is the same as workflow(container).run()", async () => {
    const { container, engine } = createTestEngine()
    const step = createStep("noop", async () => new StepResponse("ok"))
    const workflow = createWorkflow("static-run", () => new WorkflowResponse(step()))

    const { result } = await workflow.run({ container, transactionId: "static-1" })

    expect(result).toBe("ok")
    expect((await engine.getTransaction("static-run", "static-1"))?.state).toBe("done")
  })
})
