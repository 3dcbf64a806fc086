import { asValue, createContainer } from "awilix"
import { expect, test } from "vitest"
import { ManualClock, MemoryWorkflowStorage, WORKFLOW_ENGINE_KEY, WorkflowEngine, type Checkpoint } from "../../../src/framework/orchestrator/index.ts"
import { createStep, createWorkflow, StepResponse, WorkflowResponse, type WorkflowData } from "../../../src/framework/workflows-sdk/index.ts"
import { deferred } from "../workflows-sdk/helpers.ts"

/** A storage whose write of a run's end (the write that releases it) waits for the test, or fails. */
class SlowEndStorage extends MemoryWorkflowStorage {
  readonly gate = deferred()
  failure: Error | undefined

  constructor() {
    super({ serialize: true })
  }

  override async checkpoint(checkpoint: Checkpoint): Promise<void> {
    if (checkpoint.execution?.owner === null) {
      await this.gate.promise
      if (this.failure !== undefined) throw this.failure
    }
    await super.checkpoint(checkpoint)
  }
}

function engineWith(options: { answerOnceEndSent: boolean }) {
  const storage = new SlowEndStorage()
  const backgroundErrors: unknown[] = []
  const engine = new WorkflowEngine({
    storage,
    clock: new ManualClock(),
    answerOnceEndSent: options.answerOnceEndSent,
    onBackgroundError: (error) => backgroundErrors.push(error),
  })
  const container = createContainer()
  container.register(WORKFLOW_ENGINE_KEY, asValue(engine))
  return { engine, storage, container, backgroundErrors }
}

function countingWorkflow(id: string, ran: string[], fail = false) {
  const reserve = createStep(`${id}-reserve`, async (units: number) => {
    ran.push("reserve")
    return new StepResponse({ reserved: units })
  })
  const charge = createStep(`${id}-charge`, async (reservation: { reserved: number }) => {
    ran.push("charge")
    if (fail) throw new Error("card declined")
    return new StepResponse({ charged: reservation.reserved * 10 })
  })
  return createWorkflow(id, (units: WorkflowData<number>) => new WorkflowResponse(charge(reserve(units))))
}

/** Lets pending promise callbacks and I/O callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve))

test("a run that succeeded is answered while its end is written; reads of it, and settled(), wait for the write", async () => {
  const { engine, storage, container } = engineWith({ answerOnceEndSent: true })
  const ran: string[] = []

  const { result } = await countingWorkflow("answered-early", ran)(container).run({ input: 3, transactionId: "t1" })

  expect(result).toEqual({ charged: 30 })
  expect(ran).toEqual(["reserve", "charge"])
  expect((await storage.load("answered-early", "t1"))?.execution.state).toBe("invoking")

  let read: string | undefined
  const reading = engine.getTransaction("answered-early", "t1").then((snapshot) => (read = snapshot?.execution.state))
  let settledAt: string | undefined
  const settling = engine.settled().then(() => (settledAt = read ?? "before the read"))
  await settle()
  expect(read).toBeUndefined()
  expect(settledAt).toBeUndefined()

  storage.gate.resolve()
  await Promise.all([reading, settling])
  expect(read).toBe("done")
  expect(settledAt).toBeDefined()
  expect((await storage.load("answered-early", "t1"))?.execution).toMatchObject({ state: "done", owner: null })
  // Nothing is left to write: settled() answers at once.
  await engine.settled()
})

test("the same transaction id started again while the end is written gets the run's outcome once written, without running a step again", async () => {
  const { storage, container } = engineWith({ answerOnceEndSent: true })
  const ran: string[] = []
  const workflow = countingWorkflow("joined-while-ending", ran)

  await workflow(container).run({ input: 2, transactionId: "t2" })
  let again: unknown
  const running = workflow(container)
    .run({ input: 2, transactionId: "t2" })
    .then(({ result }) => (again = result))
  await settle()
  expect(again).toBeUndefined()

  storage.gate.resolve()
  await running
  expect(again).toEqual({ charged: 20 })
  expect(ran).toEqual(["reserve", "charge"])
})

test("an end that cannot be written after the answer is a background error, and the run stays recoverable", async () => {
  const { engine, storage, container, backgroundErrors } = engineWith({ answerOnceEndSent: true })
  const broken = new Error("connection lost")
  storage.failure = broken

  const { result } = await countingWorkflow("end-lost", [])(container).run({ input: 1, transactionId: "t3" })
  expect(result).toEqual({ charged: 10 })

  storage.gate.resolve()
  await engine.settled()
  expect(backgroundErrors).toEqual([broken])
  expect((await storage.load("end-lost", "t3"))?.execution).toMatchObject({ state: "invoking", owner: engine.owner })
})

test("without the option, and for a run that fails, the caller waits for the end to be written", async () => {
  for (const [answerOnceEndSent, fail] of [
    [false, false],
    [true, true],
  ] as const) {
    const { storage, container } = engineWith({ answerOnceEndSent })
    let outcome: string | undefined
    const running = countingWorkflow(`waits-${answerOnceEndSent}`, [], fail)(container)
      .run({ input: 1, transactionId: "t4", throwOnError: false })
      .then((report) => (outcome = report.transaction.execution.state))
    await settle()
    await settle()
    expect(outcome).toBeUndefined()

    storage.gate.resolve()
    await running
    expect(outcome).toBe(fail ? "failed" : "done")
  }
})
