import { expect, test } from "vitest"
import {
  MemoryWorkflowStorage,
  type AcquireRequest,
  type Checkpoint,
  type ExecutionRecord,
  type ListRunsQuery,
  type WorkflowStorage,
} from "../../../src/framework/orchestrator/index.ts"
import { createHook, createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "../../../src/framework/workflows-sdk/index.ts"
import { createTestEngine, deferred } from "../workflows-sdk/helpers.ts"

/** Records every write the engine makes, in order (and, apart, the writes of each workflow's runs). */
class RecordingStorage implements WorkflowStorage {
  readonly writes: string[] = []
  readonly byWorkflow: Record<string, string[]> = {}
  readonly #inner = new MemoryWorkflowStorage({ serialize: true })

  async create(execution: ExecutionRecord) {
    this.#record(execution.workflowId, `create ${execution.state}`)
    return this.#inner.create(execution)
  }
  load(workflowId: string, transactionId: string) {
    return this.#inner.load(workflowId, transactionId)
  }
  async checkpoint(checkpoint: Checkpoint) {
    const parts = [
      ...(checkpoint.deferred ?? []).map((step) => `${step.stepId}=${step.status}`),
      checkpoint.step === undefined ? undefined : `${checkpoint.step.stepId}=${checkpoint.step.status}`,
      checkpoint.execution?.state === undefined ? undefined : `run=${checkpoint.execution.state}`,
    ]
    this.#record(checkpoint.workflowId, `checkpoint ${parts.filter((part) => part !== undefined).join(" ")}`)
    return this.#inner.checkpoint(checkpoint)
  }
  #record(workflowId: string, write: string) {
    this.writes.push(write)
    ;(this.byWorkflow[workflowId] ??= []).push(write)
  }
  acquire(request: AcquireRequest) {
    return this.#inner.acquire(request)
  }
  listRecoverable(query: { staleBefore: number; limit: number }) {
    return this.#inner.listRecoverable(query)
  }
  deleteExpired(now: number) {
    return this.#inner.deleteExpired(now)
  }
  loadById(id: string) {
    return this.#inner.loadById(id)
  }
  list(query: ListRunsQuery) {
    return this.#inner.list(query)
  }
}

test("every step boundary is one storage write; the last step's end goes with the run's; a step's start is not written", async () => {
  const storage = new RecordingStorage()
  const { container } = createTestEngine({ storage })
  const first = createStep("first", async () => new StepResponse(1))
  const second = createStep("second", async (n: number) => new StepResponse(n + 1))
  const third = createStep("third", async (n: number) => new StepResponse(n + 1))
  const workflow = createWorkflow("three-steps", () => new WorkflowResponse(third(second(first()))))

  const { result } = await workflow(container).run({ transactionId: "three" })

  expect(result).toBe(3)
  expect(storage.writes).toEqual(["create invoking", "checkpoint first=done", "checkpoint second=done", "checkpoint third=done run=done"])
  const stored = await storage.load("three-steps", "three")
  expect(stored?.execution).toMatchObject({ state: "done", result: 3, owner: null })
  expect(stored?.steps.map((step) => [step.stepId, step.status, step.output])).toEqual([
    ["first", "done", 1],
    ["second", "done", 2],
    ["third", "done", 3],
  ])
})

test("of steps running side by side, the one that finishes last goes with the run's end", async () => {
  const storage = new RecordingStorage()
  const { container } = createTestEngine({ storage })
  const slow = deferred<StepResponse<string>>()
  const fast = createStep("fast", async () => new StepResponse("fast"))
  const late = createStep("late", async () => slow.promise)
  const workflow = createWorkflow("side-by-side", () => new WorkflowResponse({ a: fast(), b: late() }))

  const running = workflow(container).run()
  await new Promise((resolve) => setImmediate(resolve))
  slow.resolve(new StepResponse("late"))

  expect((await running).result).toEqual({ a: "fast", b: "late" })
  expect(storage.writes).toEqual(["create invoking", "checkpoint fast=done", "checkpoint late=done run=done"])
})

test("when the result cannot be computed, the last step's end goes with the start of compensation, and the step is undone", async () => {
  const storage = new RecordingStorage()
  const { container } = createTestEngine({ storage })
  const undone: string[] = []
  const only = createStep(
    "only",
    async () => new StepResponse(1, "only"),
    async (input) => {
      undone.push(String(input))
    },
  )
  const workflow = createWorkflow("bad-result", () => {
    const value = only()
    return new WorkflowResponse(
      transform({ value }, () => {
        throw new Error("cannot shape the result")
      }),
    )
  })

  const { transaction } = await workflow(container).run({ throwOnError: false })

  expect(transaction.state).toBe("failed")
  expect(undone).toEqual(["only"])
  expect(storage.writes).toEqual(["create invoking", "checkpoint only=done run=compensating", "checkpoint only=compensated", "checkpoint run=failed"])
})

test("a nested run's last step goes with the nested run's end, and the parent's step that ran it with the parent's", async () => {
  const storage = new RecordingStorage()
  const { container } = createTestEngine({ storage })
  const reserve = createStep("reserve", async () => new StepResponse("reserved"))
  const label = createStep("label", async (reservation: string) => new StepResponse(`${reservation}, labelled`))
  const child = createWorkflow("reserve-stock", () => new WorkflowResponse(label(reserve())))
  const open = createStep("open-order", async () => new StepResponse("order"))
  const parent = createWorkflow("place-order", () => {
    open()
    return new WorkflowResponse(child.runAsStep({ input: undefined }))
  })

  const { result } = await parent(container).run({ transactionId: "order" })

  expect(result).toBe("reserved, labelled")
  expect(storage.byWorkflow).toEqual({
    "place-order": ["create invoking", "checkpoint open-order=done", "checkpoint reserve-stock-as-step=done run=done"],
    "reserve-stock": ["create invoking", "checkpoint reserve=done", "checkpoint label=done run=done"],
  })
})

test("an async step that completes the run is written with the run's resumption, and the run's end apart", async () => {
  const storage = new RecordingStorage()
  const { container, engine } = createTestEngine({ storage })
  const first = createStep("first", async () => new StepResponse(1))
  const wait = createStep({ name: "wait-for-carrier", async: true }, async () => {})
  const workflow = createWorkflow("ships", () => {
    first()
    wait()
  })

  expect((await workflow(container).run({ transactionId: "ship" })).transaction.state).toBe("waiting")
  const report = await engine.setStepSuccess({ idempotencyKey: { workflowId: "ships", transactionId: "ship", stepId: "wait-for-carrier", action: "invoke" }, stepResponse: "shipped" })

  expect(report.state).toBe("done")
  expect(storage.writes).toEqual([
    "create invoking",
    "checkpoint first=done",
    "checkpoint wait-for-carrier=waiting",
    "checkpoint run=waiting",
    "checkpoint wait-for-carrier=done run=invoking",
    "checkpoint run=done",
  ])
})

test("a failure and its compensation are checkpointed too, the failing step together with the run's new state", async () => {
  const storage = new RecordingStorage()
  const { container } = createTestEngine({ storage })
  const first = createStep(
    "first",
    async () => new StepResponse(1),
    async () => {},
  )
  const failing = createStep("failing", async () => {
    throw new Error("no")
  })
  const workflow = createWorkflow("fails", () => {
    first()
    failing()
  })

  await workflow(container).run({ throwOnError: false })

  expect(storage.writes).toEqual([
    "create invoking",
    "checkpoint first=done",
    "checkpoint failing=failed run=compensating",
    "checkpoint first=compensated",
    "checkpoint run=failed",
  ])
})

test("a skipped step (a false condition, a hook without handler) makes no write of its own: it goes with the run's next one", async () => {
  const storage = new RecordingStorage()
  const { container } = createTestEngine({ storage })
  const first = createStep("first", async () => new StepResponse(1))
  const gift = createStep("gift", async () => new StepResponse("wrapped"))
  const last = createStep("last", async (n: number) => new StepResponse(n + 1))
  const workflow = createWorkflow("with-skips", () => {
    const one = first()
    when("never", { one }, () => false).then(() => {
      gift()
    })
    const validate = createHook("validate", { one })
    return new WorkflowResponse(last(one), { hooks: [validate] })
  })

  const { result, transaction } = await workflow(container).run({ transactionId: "skips" })

  expect(result).toBe(2)
  expect(storage.writes).toEqual([
    "create invoking",
    "checkpoint first=done",
    expect.stringMatching(/^checkpoint (gift|hook\.validate)=skipped (gift|hook\.validate)=skipped last=done run=done$/),
  ])
  const stored = await storage.load("with-skips", "skips")
  const statuses = Object.fromEntries((stored?.steps ?? []).map((step) => [step.stepId, step.status]))
  expect(statuses).toMatchObject({ first: "done", gift: "skipped", "hook.validate": "skipped", last: "done" })
  expect(transaction.steps.gift?.status).toBe("skipped")
})

test("skipped steps at the end of a run are written with the run's end", async () => {
  const storage = new RecordingStorage()
  const { container } = createTestEngine({ storage })
  const first = createStep("first", async () => new StepResponse(1))
  const workflow = createWorkflow("ends-with-hook", () => {
    const one = first()
    const done = createHook("done", { one })
    return new WorkflowResponse(one, { hooks: [done] })
  })

  await workflow(container).run({ transactionId: "end" })

  expect(storage.writes).toEqual(["create invoking", "checkpoint first=done", "checkpoint hook.done=skipped run=done"])
  const stored = await storage.load("ends-with-hook", "end")
  expect(stored?.steps.map((step) => [step.stepId, step.status])).toContainEqual(["hook.done", "skipped"])
})

test("a skipped step still waiting to be written goes with the failure that follows it", async () => {
  const storage = new RecordingStorage()
  const { container } = createTestEngine({ storage })
  const first = createStep("first", async () => new StepResponse(1))
  const failing = createStep("failing", async () => {
    throw new Error("no")
  })
  const workflow = createWorkflow("skip-then-fail", () => {
    const one = first()
    const validate = createHook("validate", { one })
    failing(validate)
    return new WorkflowResponse(undefined, { hooks: [validate] })
  })

  await workflow(container).run({ transactionId: "fails", throwOnError: false })

  expect(storage.writes).toEqual([
    "create invoking",
    "checkpoint first=done",
    "checkpoint hook.validate=skipped failing=failed run=compensating",
    "checkpoint run=failed",
  ])
})

test("a read-only step makes no write of its own: its end goes with the run's next write, ahead of the step written there", async () => {
  const storage = new RecordingStorage()
  const { container } = createTestEngine({ storage })
  const load = createStep({ name: "load", readOnly: true }, async () => new StepResponse({ price: 10 }))
  const charge = createStep("charge", async (price: number) => new StepResponse(`charged ${price}`))
  const check = createStep({ name: "check", readOnly: true }, async (receipt: string) => new StepResponse(receipt.length > 0))
  const last = createStep("last", async (ok: boolean) => new StepResponse(ok))
  const workflow = createWorkflow("read-only-steps", () => {
    const loaded = load()
    const receipt = charge(transform({ loaded }, ({ loaded }) => loaded.price))
    return new WorkflowResponse(last(check(receipt)))
  })

  const { result } = await workflow(container).run({ transactionId: "reads" })

  expect(result).toBe(true)
  expect(storage.writes).toEqual(["create invoking", "checkpoint load=done charge=done", "checkpoint check=done last=done run=done"])
  const stored = await storage.load("read-only-steps", "reads")
  expect(stored?.steps.find((step) => step.stepId === "load")).toMatchObject({ status: "done", output: { price: 10 } })
})

test("a read-only step that fails is written with its failure, and one that ended before a failure goes with it", async () => {
  const storage = new RecordingStorage()
  const { container } = createTestEngine({ storage })
  const load = createStep({ name: "load", readOnly: true }, async () => new StepResponse(1))
  const validate = createStep({ name: "validate", readOnly: true }, async (n: number) => {
    if (n < 2) throw new Error("too few")
    return new StepResponse(n)
  })
  const workflow = createWorkflow("read-only-failure", () => new WorkflowResponse(validate(load())))

  const { errors } = await workflow(container).run({ transactionId: "fails", throwOnError: false })

  expect(errors[0]?.error.message).toBe("too few")
  expect(storage.writes).toEqual(["create invoking", "checkpoint load=done validate=failed run=compensating", "checkpoint run=failed"])
})

test("a use of a step may say otherwise (config): a read-only step that is not, a step that is idempotent though not read-only", async () => {
  const storage = new RecordingStorage()
  const { container } = createTestEngine({ storage })
  const load = createStep({ name: "load", readOnly: true }, async () => new StepResponse(1))
  const touch = createStep("touch", async (n: number) => new StepResponse(n))
  const save = createStep("save", async (n: number) => new StepResponse(n + 1))
  const workflow = createWorkflow("overridden", () => {
    const loaded = load().config({ name: "load-and-touch", readOnly: false, idempotent: false })
    const touched = touch(loaded).config({ name: "touch-again", readOnly: false, idempotent: true })
    return new WorkflowResponse(save(touched))
  })

  await workflow(container).run({ transactionId: "overridden" })

  expect(storage.writes).toEqual(["create invoking", "checkpoint load-and-touch=done", "checkpoint touch-again=done save=done run=done"])
})

test("a step cannot be both async and read-only: its parking is a write", () => {
  expect(() => createStep({ name: "wait-and-read", async: true, readOnly: true }, async () => {})).toThrow(/both async and readOnly/)
})

test("an idempotent step's end goes with the next write, and a rollback still compensates it", async () => {
  const storage = new RecordingStorage()
  const { container } = createTestEngine({ storage })
  const held: string[] = []
  const lock = createStep(
    { name: "lock", idempotent: true },
    async (key: string) => {
      if (!held.includes(key)) held.push(key)
      return new StepResponse(undefined, key)
    },
    async (key) => {
      held.splice(held.indexOf(key as string), 1)
    },
  )
  const save = createStep("save", async () => new StepResponse("saved"))
  const refuse = createStep("refuse", async () => {
    throw new Error("refused")
  })
  const ok = createWorkflow("idempotent-ok", () => {
    lock("cart_1")
    return new WorkflowResponse(save())
  })
  const rolledBack = createWorkflow("idempotent-rollback", () => {
    lock("cart_2")
    return new WorkflowResponse(refuse())
  })

  await ok(container).run({ transactionId: "ok" })
  await rolledBack(container).run({ transactionId: "rolled-back", throwOnError: false })

  expect(storage.byWorkflow["idempotent-ok"]).toEqual(["create invoking", "checkpoint lock=done save=done run=done"])
  expect(storage.byWorkflow["idempotent-rollback"]).toEqual([
    "create invoking",
    "checkpoint lock=done refuse=failed run=compensating",
    "checkpoint lock=compensated",
    "checkpoint run=failed",
  ])
  expect(held).toEqual(["cart_1"])
})
