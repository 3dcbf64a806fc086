import { expect, test } from "vitest"
import { asValue, createContainer } from "awilix"
import {
  ManualClock,
  MemoryWorkflowStorage,
  OwnershipLostError,
  WORKFLOW_ENGINE_KEY,
  WorkflowEngine,
  type Checkpoint,
  type ExecutionRecord,
} from "../../../src/framework/orchestrator/index.ts"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "../../../src/framework/workflows-sdk/index.ts"
import { createTestEngine, deferred } from "../workflows-sdk/helpers.ts"

/** A storage whose writes of one step's end wait for the test (or fail), and which logs each write as it lands. */
class SlowStepStorage extends MemoryWorkflowStorage {
  readonly landed: string[] = []
  readonly gate = deferred()

  readonly slowStepId: string
  readonly failure: Error | undefined

  constructor(slowStepId: string, failure?: Error) {
    super({ serialize: true })
    this.slowStepId = slowStepId
    this.failure = failure
  }

  override async checkpoint(checkpoint: Checkpoint): Promise<void> {
    if (checkpoint.step?.stepId === this.slowStepId) {
      await this.gate.promise
      if (this.failure !== undefined) throw this.failure
    }
    await super.checkpoint(checkpoint)
    const step = checkpoint.step === undefined ? "" : `${checkpoint.step.stepId}=${checkpoint.step.status}`
    this.landed.push([step, checkpoint.execution?.state === undefined ? "" : `run=${checkpoint.execution.state}`].filter(Boolean).join(" "))
  }
}

const threeSteps = (ran: string[]) => {
  const step = (id: string) =>
    createStep(id, async (previous: string[] | undefined) => {
      ran.push(id)
      return new StepResponse([...(previous ?? []), id])
    })
  const [first, second, third] = [step("first"), step("second"), step("third")]
  return createWorkflow("three-in-a-row", () => new WorkflowResponse(third(second(first()))))
}

test("the steps after a written one run while that write is in flight, the writes land in order, and the run's end lands last", async () => {
  const storage = new SlowStepStorage("first")
  const { container } = createTestEngine({ storage })
  const ran: string[] = []

  const running = threeSteps(ran)(container).run({ transactionId: "pipelined" })
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve))

  expect(ran).toEqual(["first", "second", "third"])
  expect(storage.landed).toEqual([])
  storage.gate.resolve()
  const { result } = await running

  expect(result).toEqual(["first", "second", "third"])
  expect(storage.landed).toEqual(["first=done", "second=done", "third=done run=done"])
  const stored = await storage.load("three-in-a-row", "pipelined")
  expect(stored?.execution).toMatchObject({ state: "done", owner: null })
  expect(stored?.steps.map((step) => step.status)).toEqual(["done", "done", "done"])
})

test("a step's end that cannot be written stops the run two steps later: it fails with that error and no later end is written", async () => {
  const lost = new OwnershipLostError("four-in-a-row", "taken-over")
  const storage = new SlowStepStorage("first", lost)
  const { container } = createTestEngine({ storage })
  const ran: string[] = []
  const step = (id: string) =>
    createStep(id, async () => {
      ran.push(id)
      return new StepResponse(id)
    })
  const [first, second, third, fourth] = [step("first"), step("second"), step("third"), step("fourth")]
  const workflow = createWorkflow("four-in-a-row", () => {
    first()
    second()
    third()
    return new WorkflowResponse(fourth())
  })

  const running = workflow(container).run({ transactionId: "taken-over" })
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve))
  // The first end is held: the second's is sent after it, the third's waits for it.
  expect(ran).toEqual(["first", "second", "third"])
  storage.gate.resolve()

  await expect(running).rejects.toBe(lost)
  expect(ran).toEqual(["first", "second", "third"])
  expect(storage.landed).toEqual([])
  const stored = await storage.load("four-in-a-row", "taken-over")
  expect(stored?.execution).toMatchObject({ state: "invoking" })
  expect(stored?.steps).toEqual([])
})

/** A storage whose creation of a run waits for the test (or fails). */
class SlowCreateStorage extends MemoryWorkflowStorage {
  readonly gate = deferred()
  readonly failure: Error | undefined

  constructor(failure?: Error) {
    super({ serialize: true })
    this.failure = failure
  }

  override async create(execution: ExecutionRecord) {
    await this.gate.promise
    if (this.failure !== undefined) throw this.failure
    return super.create(execution)
  }
}

const readThenWrite = (ran: string[]) => {
  const read = createStep({ name: "read", readOnly: true }, async () => {
    ran.push("read")
    return new StepResponse("cart")
  })
  const write = createStep("write", async (cart: string) => {
    ran.push("write")
    return new StepResponse(`${cart} updated`)
  })
  return createWorkflow("read-then-write", () => new WorkflowResponse(write(read())))
}

test("read-only steps run while the run's creation is written; the first other step waits for it", async () => {
  const storage = new SlowCreateStorage()
  const { container } = createTestEngine({ storage })
  const ran: string[] = []

  const running = readThenWrite(ran)(container).run({ transactionId: "early-read" })
  await new Promise((resolve) => setImmediate(resolve))

  expect(ran).toEqual(["read"])
  expect(await storage.load("read-then-write", "early-read")).toBeUndefined()
  storage.gate.resolve()

  expect((await running).result).toBe("cart updated")
  expect(ran).toEqual(["read", "write"])
  expect((await storage.load("read-then-write", "early-read"))?.execution).toMatchObject({ state: "done", result: "cart updated" })
})

test("a transaction id already used: what ran before the creation found it is dropped, the stored run is answered, nothing is written", async () => {
  const storage = new MemoryWorkflowStorage({ serialize: true })
  const { container } = createTestEngine({ storage })
  const ran: string[] = []
  const workflow = readThenWrite(ran)
  const first = await workflow(container).run({ transactionId: "used" })
  const before = await storage.load("read-then-write", "used")
  ran.length = 0

  const again = await workflow(container).run({ transactionId: "used" })

  expect(again.result).toBe(first.result)
  expect(ran).not.toContain("write")
  expect(await storage.load("read-then-write", "used")).toEqual(before)
})

test("a creation that fails fails the run with its error, and no step but a read-only one ran", async () => {
  const storage = new SlowCreateStorage(new Error("connection refused"))
  const { container } = createTestEngine({ storage })
  const ran: string[] = []

  const running = readThenWrite(ran)(container).run({ transactionId: "no-database" })
  storage.gate.resolve()

  await expect(running).rejects.toThrow("connection refused")
  expect(ran).toEqual(["read"])
})

test("while a second start of a parked run's transaction id finds out the run exists, a completion still reaches the parked run", async () => {
  const storage = new SlowCreateStorage()
  const { container, engine } = createTestEngine({ storage })
  const awaitPayment = createStep<string, string>({ name: "await-payment", async: true }, async () => {})
  const capture = createStep("capture", async (payment: string) => new StepResponse(`captured ${payment}`))
  const workflow = createWorkflow("pay-later", () => new WorkflowResponse(capture(awaitPayment("order-1"))))
  storage.gate.resolve()
  const parked = await workflow(container).run({ transactionId: "order-1" })
  expect(parked.transaction.state).toBe("waiting")

  const slowCreate = deferred()
  storage.create = async (execution) => {
    await slowCreate.promise
    return MemoryWorkflowStorage.prototype.create.call(storage, execution)
  }
  const again = workflow(container).run({ transactionId: "order-1" })
  await new Promise((resolve) => setImmediate(resolve))
  const completed = await engine.setStepSuccess({
    idempotencyKey: { workflowId: "pay-later", transactionId: "order-1", stepId: "await-payment", action: "invoke" },
    stepResponse: "10 usd",
  })
  slowCreate.resolve()

  expect(completed).toMatchObject({ state: "done", result: "captured 10 usd" })
  const answered = await again
  expect(answered.result).toBe("captured 10 usd")
  expect(answered.transaction.state).toBe("done")
})

/** A lock that lapses (`lapses: true`), a read behind it, then a write; `log` records what ran and what was undone. */
const lockReadWrite = (log: string[], writeGate?: Promise<void>) => {
  const lock = createStep(
    { name: "lock", idempotent: true, lapses: true },
    async () => {
      log.push("lock")
      return new StepResponse("held", "cart-1")
    },
    async (key: string | undefined) => {
      log.push(`unlock ${key}`)
    },
  )
  const read = createStep({ name: "read", readOnly: true }, async () => {
    log.push("read")
    return new StepResponse("cart")
  })
  const write = createStep("write", async (cart: string) => {
    log.push("write")
    await writeGate
    return new StepResponse(`${cart} updated`)
  })
  return createWorkflow("lock-read-write", () => {
    const held = lock()
    return new WorkflowResponse(write(read(held)))
  })
}

test("a lapsing step runs while the run's creation is written, and so do the reads behind it; the first other step waits", async () => {
  const storage = new SlowCreateStorage()
  const { container } = createTestEngine({ storage })
  const log: string[] = []

  const running = lockReadWrite(log)(container).run({ transactionId: "early-lock" })
  await new Promise((resolve) => setImmediate(resolve))

  expect(log).toEqual(["lock", "read"])
  expect(await storage.load("lock-read-write", "early-lock")).toBeUndefined()
  storage.gate.resolve()

  expect((await running).result).toBe("cart updated")
  expect(log).toEqual(["lock", "read", "write"])
  const stored = await storage.load("lock-read-write", "early-lock")
  expect(stored?.steps.map((step) => `${step.stepId}=${step.status}`).sort()).toEqual(["lock=done", "read=done", "write=done"])
})

test("a creation that fails fails the run with its error and compensates the lapsing steps that ran", async () => {
  const storage = new SlowCreateStorage(new Error("connection refused"))
  const { container } = createTestEngine({ storage })
  const log: string[] = []

  const running = lockReadWrite(log)(container).run({ transactionId: "no-database" })
  await new Promise((resolve) => setImmediate(resolve))
  storage.gate.resolve()

  await expect(running).rejects.toThrow("connection refused")
  expect(log).toEqual(["lock", "read", "unlock cart-1"])
})

test("a transaction id of a finished run: the lapsing steps that ran are compensated and the stored run is answered", async () => {
  const storage = new MemoryWorkflowStorage({ serialize: true })
  const { container } = createTestEngine({ storage })
  const log: string[] = []
  const workflow = lockReadWrite(log)
  const first = await workflow(container).run({ transactionId: "used" })
  const before = await storage.load("lock-read-write", "used")
  log.length = 0

  const again = await workflow(container).run({ transactionId: "used" })

  expect(again.result).toBe(first.result)
  expect(log).toEqual(["lock", "read", "unlock cart-1"])
  expect(await storage.load("lock-read-write", "used")).toEqual(before)
})

test("a transaction id of a run another engine is driving: the lapsing steps' effect is left to that run, and compensated once it has finished", async () => {
  const storage = new MemoryWorkflowStorage({ serialize: true })
  const clock = new ManualClock()
  const engineA = createTestEngine({ storage, clock, owner: "engine-a" })
  const engineB = createTestEngine({ storage, clock, owner: "engine-b" })
  const writeGate = deferred()
  const log: string[] = []
  const workflow = lockReadWrite(log, writeGate.promise)

  const first = workflow(engineA.container).run({ transactionId: "busy" })
  while (!log.includes("write")) await new Promise((resolve) => setImmediate(resolve))
  log.length = 0
  const second = workflow(engineB.container).run({ transactionId: "busy" })
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve))

  expect(log).toEqual(["lock", "read"])
  writeGate.resolve()
  const firstReport = await first
  expect(log).toEqual(["lock", "read"])

  const secondReport = await clock.settle(second)
  expect(secondReport.result).toBe(firstReport.result)
  expect(log).toEqual(["lock", "read", "unlock cart-1"])
})

test("a lapsing step whose compensation fails while a run that was not created is undone: the failure is reported, the run fails with the creation's error", async () => {
  const storage = new SlowCreateStorage(new Error("connection refused"))
  const reported: unknown[] = []
  const engine = new WorkflowEngine({ storage, clock: new ManualClock(), onBackgroundError: (error) => reported.push(error) })
  const container = createContainer()
  container.register(WORKFLOW_ENGINE_KEY, asValue(engine))
  const lock = createStep(
    { name: "lock", idempotent: true, lapses: true },
    async () => new StepResponse("held", "cart-1"),
    async () => {
      throw new Error("the lock table is gone too")
    },
  )
  const workflow = createWorkflow("lock-only", () => new WorkflowResponse(lock()))

  const running = workflow(container).run({ transactionId: "undo-fails" })
  await new Promise((resolve) => setImmediate(resolve))
  storage.gate.resolve()

  await expect(running).rejects.toThrow("connection refused")
  expect(reported.map((error) => (error as Error).message)).toEqual(["the lock table is gone too"])
})

test("a step cannot be both async and lapsing", () => {
  expect(() => createStep({ name: "wait-and-lock", async: true, lapses: true }, async () => {})).toThrow(/both async and readOnly, idempotent or lapses/)
})
