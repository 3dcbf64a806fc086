import path from "node:path"
import { asValue } from "awilix"
import pino from "pino"
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { EventBus, loadSubscribers, type AgoraEvent } from "../../../src/framework/events/index.ts"
import { WORKFLOW_ENGINE_KEY, WorkflowEngine } from "../../../src/framework/orchestrator/index.ts"
import { createStep, createWorkflow, StepResponse, WorkflowResponse, type StepExecutionContext } from "../../../src/framework/workflows-sdk/index.ts"
import { received } from "../../fixtures/subscribers/received.ts"
import { PROJECT_ROOT, startTestApp, type TestApp } from "../../setup/test-app.ts"

const FIXTURES = path.join(PROJECT_ROOT, "test/fixtures/subscribers")

let t: TestApp
let bus: EventBus

beforeAll(async () => {
  t = await startTestApp({ modules: [] }, { subscribersDir: path.join(FIXTURES, "valid") })
  await t.app.events.start()
  bus = t.app.events.bus
})
afterAll(() => t?.close())
beforeEach(async () => {
  received.length = 0
  await t.app.database.execute('delete from "event_outbox"')
})

const outboxCount = async () => (await t.app.database.execute<{ n: number }>('select count(*)::int as n from "event_outbox"'))[0]?.n

function emitStep(name: string, eventName: string) {
  return createStep(name, async (id: string, { container }: StepExecutionContext) => {
    await container.resolve<EventBus>("eventBus").emit({ name: eventName, data: { id } })
    return new StepResponse(id)
  })
}

describe("events outside a workflow", () => {
  test("are delivered at once to the subscribers of their name, then leave the outbox", async () => {
    await bus.emit({ name: "product.created", data: { id: "prod_1" } })
    await bus.drain()

    expect(received).toEqual([{ subscriber: "product-created", name: "product.created", data: { id: "prod_1" } }])
    expect(await outboxCount()).toBe(0)
  })
})

describe("events raised inside a workflow", () => {
  test("are held until the run succeeds, then published once", async () => {
    const gate = Promise.withResolvers<void>()
    const wait = createStep("wait", async () => {
      await gate.promise
      return new StepResponse(true)
    })
    const workflow = createWorkflow("place-order-events", () => {
      const id = emitStep("place", "order.placed")("order_1")
      wait(id)
      return new WorkflowResponse(id)
    })

    const running = workflow(t.app.container).run()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(received).toEqual([])
    gate.resolve()
    await running
    await bus.drain()

    expect(received).toEqual([{ subscriber: "order-audit", name: "order.placed", data: { id: "order_1" } }])
    expect(await outboxCount()).toBe(0)
  })

  test("are dropped when the run is compensated", async () => {
    const refuse = createStep("refuse", async () => {
      throw new Error("no stock")
    })
    const workflow = createWorkflow("place-order-fails", () => {
      const id = emitStep("place", "order.placed")("order_2")
      refuse(id)
    })

    const { transaction } = await workflow(t.app.container).run({ throwOnError: false })
    await bus.drain()

    expect(transaction.state).toBe("failed")
    expect(received).toEqual([])
    expect(await outboxCount()).toBe(0)
  })

  test("of a failed attempt are dropped; the retry's own are published", async () => {
    let attempts = 0
    const flaky = createStep({ name: "flaky", maxRetries: 1 }, async (_: undefined, { container }: StepExecutionContext) => {
      attempts++
      await container.resolve<EventBus>("eventBus").emit({ name: "product.created", data: { attempt: attempts } })
      if (attempts === 1) throw new Error("first attempt fails")
      return new StepResponse(attempts)
    })
    const workflow = createWorkflow("flaky-events", () => new WorkflowResponse(flaky()))

    await workflow(t.app.container).run()
    await bus.drain()

    expect(received.map((r) => r.data)).toEqual([{ attempt: 2 }])
  })

  test("of a nested workflow are published with its parent's success, not before, and not at all if the parent fails", async () => {
    const child = createWorkflow("child-emits", () => new WorkflowResponse(emitStep("child-place", "order.placed")("order_3")))
    const refuse = createStep("parent-refuse", async () => {
      throw new Error("declined")
    })
    const failingParent = createWorkflow("parent-fails", () => {
      const id = child.runAsStep({ input: undefined })
      refuse(id)
    })
    const succeedingParent = createWorkflow("parent-succeeds", () => new WorkflowResponse(child.runAsStep({ input: undefined })))

    await failingParent(t.app.container).run({ throwOnError: false })
    await bus.drain()
    expect(received).toEqual([])

    await succeedingParent(t.app.container).run()
    await bus.drain()
    expect(received.map((r) => r.name)).toEqual(["order.placed"])
  })

  test("a run that succeeded but whose process died before delivering is delivered from the outbox after restart", async () => {
    const workflow = createWorkflow("placed-then-died", () => new WorkflowResponse(emitStep("place", "order.placed")("order_4")))
    await workflow(t.app.container).run()
    await bus.drain()
    received.length = 0
    // As the process that died would have left it: stored with the run's end, claimed, never delivered.
    await t.app.database.execute(
      `insert into "event_outbox" ("id", "name", "data", "claimed_until") values ('evt_left', 'order.placed', '{"id":"order_4"}', now() + interval '1 minute')`,
    )
    expect(await bus.deliverPending()).toBe(0)

    await t.app.database.execute(`update "event_outbox" set "claimed_until" = now() - interval '1 second'`)
    expect(await bus.deliverPending()).toBe(1)

    expect(received).toEqual([{ subscriber: "order-audit", name: "order.placed", data: { id: "order_4" } }])
    expect(await outboxCount()).toBe(0)
  })

  test("the final checkpoint stores the run's events in the outbox in the same statement", async () => {
    const storage = t.app.workflows.engine.storage
    const workflow = createWorkflow("stored-with-checkpoint", () => new WorkflowResponse(emitStep("place", "order.placed")("order_5")))
    // Without the bus's delivery, what the checkpoint wrote stays visible.
    const scope = t.app.container.createScope()
    scope.register(WORKFLOW_ENGINE_KEY, asValue(new WorkflowEngine({ storage, container: scope })))

    await workflow(scope).run()

    const rows = await t.app.database.execute<{ name: string; data: unknown }>('select "name", "data" from "event_outbox"')
    expect(rows).toEqual([{ name: "order.placed", data: { id: "order_5" } }])
  })
})

describe("events nobody subscribes to", () => {
  test("are neither stored with the run's end nor delivered; the run's other events are", async () => {
    const workflow = createWorkflow("unheard-events", () => {
      const id = emitStep("note", "cart.updated")("cart_1")
      emitStep("place", "order.placed")(id)
      return new WorkflowResponse(id)
    })
    await workflow(t.app.container).run()
    await bus.drain()
    expect(t.app.events.listensTo("cart.updated")).toBe(false)
    expect(received.map((event) => event.name)).toEqual(["order.placed"])

    // What the run's end writes, seen without the bus's delivery: the order's event only.
    const scope = t.app.container.createScope()
    const engine = new WorkflowEngine({ storage: t.app.workflows.engine.storage, container: scope, publishes: (name) => t.app.events.listensTo(name) })
    scope.register(WORKFLOW_ENGINE_KEY, asValue(engine))
    await workflow(scope).run()
    const rows = await t.app.database.execute<{ name: string }>('select "name" from "event_outbox"')
    expect(rows).toEqual([{ name: "order.placed" }])
  })

  test("before the subscribers are loaded, every event is kept for them", async () => {
    const fresh = await startTestApp({ modules: [] }, { subscribersDir: path.join(FIXTURES, "valid") })
    try {
      expect(fresh.app.events.listensTo("cart.updated")).toBe(true)
      await fresh.app.events.start()
      expect(fresh.app.events.listensTo("cart.updated")).toBe(false)
      expect(fresh.app.events.listensTo("order.placed")).toBe(true)
    } finally {
      await fresh.close()
    }
  })
})

describe("subscriber failures", () => {
  test("are retried with backoff, then logged with the event; other subscribers and the emitter are unaffected", async () => {
    const logged: unknown[] = []
    const logger = pino({ level: "error" }, { write: (line: string) => void logged.push(JSON.parse(line)) })
    const local = new EventBus({ container: t.app.container, logger, maxRetries: 2, retryDelayMs: 1 })
    let failingCalls = 0
    const delivered: AgoraEvent[] = []
    local.subscribe("order.placed", async () => {
      failingCalls++
      throw new Error("mail server down")
    }, { subscriberId: "mailer" })
    local.subscribe("order.placed", ({ event }) => void delivered.push(event), { subscriberId: "audit" })

    await expect(local.emit({ name: "order.placed", data: { id: "order_6" } })).resolves.toBeUndefined()
    await local.drain()

    expect(failingCalls).toBe(3)
    expect(delivered.map((e) => e.data)).toEqual([{ id: "order_6" }])
    expect(logged).toEqual([
      expect.objectContaining({
        subscriberId: "mailer",
        attempts: 3,
        event: expect.objectContaining({ name: "order.placed", data: { id: "order_6" } }),
        err: expect.objectContaining({ message: "mail server down" }),
      }),
    ])
  })
})

describe("loading subscribers from a folder", () => {
  test("reads each file's handler, event names and subscriber id", async () => {
    const loaded = await loadSubscribers(path.join(FIXTURES, "valid"))
    expect(loaded.map((s) => [s.subscriberId, s.events])).toEqual([
      ["order-audit", ["order.placed", "order.canceled"]],
      ["product-created", ["product.created"]],
    ])
  })

  test("a file without config names itself and what is missing", async () => {
    await expect(loadSubscribers(path.join(FIXTURES, "no-config"))).rejects.toThrow(
      'Subscriber no-config/handler.ts must export config = { event: "<event name>" | string[] }',
    )
  })
})
