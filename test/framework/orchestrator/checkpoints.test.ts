import { expect, test } from "vitest"
import {
  MemoryWorkflowStorage,
  type AcquireRequest,
  type Checkpoint,
  type ExecutionRecord,
  type ListRunsQuery,
  type WorkflowStorage,
} from "../../../src/framework/orchestrator/index.ts"
import { createHook, createStep, createWorkflow, StepResponse, when, WorkflowResponse } from "../../../src/framework/workflows-sdk/index.ts"
import { createTestEngine } from "../workflows-sdk/helpers.ts"

/** Records every write the engine makes, in order. */
class RecordingStorage implements WorkflowStorage {
  readonly writes: string[] = []
  readonly #inner = new MemoryWorkflowStorage({ serialize: true })

  async create(execution: ExecutionRecord) {
    this.writes.push(`create ${execution.state}`)
    return this.#inner.create(execution)
  }
  load(workflowId: string, transactionId: string) {
    return this.#inner.load(workflowId, transactionId)
  }
  async checkpoint(checkpoint: Checkpoint) {
    const parts = [
      ...(checkpoint.skipped ?? []).map((step) => `${step.stepId}=${step.status}`),
      checkpoint.step === undefined ? undefined : `${checkpoint.step.stepId}=${checkpoint.step.status}`,
      checkpoint.execution?.state === undefined ? undefined : `run=${checkpoint.execution.state}`,
    ]
    this.writes.push(`checkpoint ${parts.filter((part) => part !== undefined).join(" ")}`)
    return this.#inner.checkpoint(checkpoint)
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

test("every step boundary is one storage write, the run's end included; a step's start is not written", async () => {
  const storage = new RecordingStorage()
  const { container } = createTestEngine({ storage })
  const first = createStep("first", async () => new StepResponse(1))
  const second = createStep("second", async (n: number) => new StepResponse(n + 1))
  const workflow = createWorkflow("two-steps", () => new WorkflowResponse(second(first())))

  await workflow(container).run()

  expect(storage.writes).toEqual([
    "create invoking",
    "checkpoint first=done",
    "checkpoint second=done",
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
    expect.stringMatching(/^checkpoint (gift|hook\.validate)=skipped (gift|hook\.validate)=skipped last=done$/),
    "checkpoint run=done",
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
