import { describe, expect, test } from "vitest"
import { ManualClock, MemoryWorkflowStorage, OwnershipLostError } from "../../../src/framework/orchestrator/index.ts"
import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  when,
  WorkflowResponse,
  type WorkflowData,
} from "../../../src/framework/workflows-sdk/index.ts"
import { createTestEngine, deferred } from "../workflows-sdk/helpers.ts"

const STALE = 301_000 // past the engines' default 300 s silence limit

/**
 * Two engines over one storage: "first" dies mid-run (its clock never moves again, so its timers,
 * lease renewals included, stop), "second" lives on and picks up. `clock` is the second's.
 */
function twoEngines() {
  const storage = new MemoryWorkflowStorage({ serialize: true })
  const start = Date.UTC(2026, 0, 1)
  const first = createTestEngine({ storage, clock: new ManualClock(start), owner: "first" })
  const second = createTestEngine({ storage, clock: new ManualClock(start), owner: "second" })
  return { storage, clock: second.clock, first, second }
}

describe("resuming a run from storage", () => {
  test("completed steps are not rerun, their outputs are read back, transforms are recomputed", async () => {
    const { clock, first, second } = twoEngines()
    const calls = { load: 0, transform: 0, price: 0, save: 0 }
    const firstPriceCall = deferred<StepResponse<number>>()
    const load = createStep("load-cart", async (id: string) => {
      calls.load++
      return new StepResponse({ id, items: [{ sku: "tee", qty: 2 }] })
    })
    const price = createStep("price", async (units: number) => {
      calls.price++
      // The first engine's attempt hangs: its process "dies" here.
      if (calls.price === 1) return firstPriceCall.promise
      return new StepResponse(units * 10)
    })
    const save = createStep("save", async (total: number) => {
      calls.save++
      return new StepResponse(`saved ${total}`)
    })
    const workflow = createWorkflow("checkout", (input: WorkflowData<{ cartId: string }>) => {
      const cart = load(input.cartId)
      const units = transform({ cart }, ({ cart }) => {
        calls.transform++
        return cart.items.reduce((sum, item) => sum + item.qty, 0)
      })
      return new WorkflowResponse(save(price(units)))
    })

    const abandoned = workflow(first.container).run({ input: { cartId: "cart_1" }, transactionId: "tx-1" })
    abandoned.catch(() => {})
    await new Promise((resolve) => setImmediate(resolve))
    expect(calls).toEqual({ load: 1, transform: 1, price: 1, save: 0 })

    await clock.advance(STALE)
    second.engine.register(workflow.graph)
    const report = await second.engine.resume({ workflowId: "checkout", transactionId: "tx-1" })

    expect(report.state).toBe("done")
    expect(report.result).toBe("saved 20")
    expect(calls).toEqual({ load: 1, transform: 2, price: 2, save: 1 })
    // The dead engine's attempt was never recorded: only a step's end is written.
    expect(report.transaction.steps["price"]?.attempts).toBe(1)
    expect(report.transaction.execution.owner).toBeNull()

    // The first engine wakes up: its late checkpoint is refused, so it cannot overwrite the run.
    firstPriceCall.resolve(new StepResponse(999))
    await expect(abandoned).rejects.toBeInstanceOf(OwnershipLostError)
    expect((await second.engine.getTransaction("checkout", "tx-1"))?.execution.result).toBe("saved 20")
  })

  test("steps know whether their run was taken up from storage: not on the engine that started it, yes on the one that resumes it", async () => {
    const { clock, first, second } = twoEngines()
    const seen: string[] = []
    const hang = deferred<StepResponse<string>>()
    const record = (name: string, hangFirst = false) =>
      createStep(name, async (_input: unknown, { metadata }) => {
        seen.push(`${name} ${metadata.resumed ? "resumed" : "started"} attempt ${metadata.attempt}`)
        if (hangFirst && seen.length === 2) return hang.promise
        return new StepResponse(name)
      })
    const [reserve, pay] = [record("reserve"), record("pay", true)]
    const workflow = createWorkflow("reserve-then-pay", () => new WorkflowResponse(pay(reserve())))

    const abandoned = workflow(first.container).run({ transactionId: "tx-resumed" })
    abandoned.catch(() => {})
    while (seen.length < 2) await new Promise((resolve) => setImmediate(resolve))
    await clock.advance(STALE)
    second.engine.register(workflow.graph)
    const report = await second.engine.resume({ workflowId: "reserve-then-pay", transactionId: "tx-resumed" })

    expect(report.state).toBe("done")
    expect(seen).toEqual(["reserve started attempt 1", "pay started attempt 1", "pay resumed attempt 1"])
  })

  test("a step skipped but not yet written when its engine died is evaluated again, skipped again and written", async () => {
    const { storage, clock, first, second } = twoEngines()
    const hang = deferred<StepResponse<number>>()
    let priceCalls = 0
    const load = createStep("load", async () => new StepResponse(2))
    const gift = createStep("gift", async () => new StepResponse("wrapped"))
    const price = createStep("price", async (units: number) => {
      priceCalls++
      if (priceCalls === 1) return hang.promise
      return new StepResponse(units * 10)
    })
    const workflow = createWorkflow("skip-then-die", () => {
      const units = load()
      when("never", { units }, () => false).then(() => {
        gift()
      })
      return new WorkflowResponse(price(units))
    })

    const abandoned = workflow(first.container).run({ transactionId: "tx-skip" })
    abandoned.catch(() => {})
    await new Promise((resolve) => setImmediate(resolve))
    expect((await storage.load("skip-then-die", "tx-skip"))?.steps.map((step) => step.stepId)).toEqual(["load"])

    await clock.advance(STALE)
    second.engine.register(workflow.graph)
    const report = await second.engine.resume({ workflowId: "skip-then-die", transactionId: "tx-skip" })

    expect(report.state).toBe("done")
    expect(report.result).toBe(20)
    const stored = await storage.load("skip-then-die", "tx-skip")
    expect(Object.fromEntries((stored?.steps ?? []).map((step) => [step.stepId, step.status]))).toEqual({
      load: "done",
      gift: "skipped",
      price: "done",
    })
    hang.resolve(new StepResponse(0))
    await expect(abandoned).rejects.toBeInstanceOf(OwnershipLostError)
  })

  test("a read-only step that ended but was not yet written when its engine died runs again on the engine that resumes", async () => {
    const { storage, clock, first, second } = twoEngines()
    const hang = deferred<StepResponse<number>>()
    const calls = { reserve: 0, read: 0, charge: 0 }
    const reserve = createStep("reserve", async () => {
      calls.reserve++
      return new StepResponse(2)
    })
    const read = createStep({ name: "read", readOnly: true }, async (units: number) => {
      calls.read++
      return new StepResponse(units * 10)
    })
    const charge = createStep("charge", async (amount: number) => {
      calls.charge++
      if (calls.charge === 1) return hang.promise
      return new StepResponse(amount)
    })
    const workflow = createWorkflow("read-then-die", () => new WorkflowResponse(charge(read(reserve()))))

    const abandoned = workflow(first.container).run({ transactionId: "tx-read" })
    abandoned.catch(() => {})
    await new Promise((resolve) => setImmediate(resolve))
    expect(calls).toEqual({ reserve: 1, read: 1, charge: 1 })
    expect((await storage.load("read-then-die", "tx-read"))?.steps.map((step) => step.stepId)).toEqual(["reserve"])

    await clock.advance(STALE)
    second.engine.register(workflow.graph)
    const report = await second.engine.resume({ workflowId: "read-then-die", transactionId: "tx-read" })

    expect(report.state).toBe("done")
    expect(report.result).toBe(20)
    // The written step is not run again; the read-only one is.
    expect(calls).toEqual({ reserve: 1, read: 2, charge: 2 })
    hang.resolve(new StepResponse(0))
    await expect(abandoned).rejects.toBeInstanceOf(OwnershipLostError)
  })

  test("a run that died while compensating finishes compensating on the engine that resumes it", async () => {
    const { clock, first, second } = twoEngines()
    const undone: string[] = []
    const hang = deferred()
    let undoCalls = 0
    const a = createStep(
      "a",
      async () => new StepResponse("a"),
      async (value) => {
        undone.push(String(value))
      },
    )
    const b = createStep(
      "b",
      async () => new StepResponse("b"),
      async (value) => {
        undoCalls++
        if (undoCalls === 1) await hang.promise // the first engine dies while undoing b
        undone.push(String(value))
      },
    )
    const fail = createStep("fail", async () => {
      throw new Error("boom")
    })
    const workflow = createWorkflow("undo-after-crash", () => {
      a()
      b()
      fail()
    })

    workflow(first.container).run({ transactionId: "tx-2" }).catch(() => {})
    await new Promise((resolve) => setImmediate(resolve))
    expect((await first.engine.getTransaction("undo-after-crash", "tx-2"))?.state).toBe("compensating")

    await clock.advance(STALE)
    second.engine.register(workflow.graph)
    const report = await second.engine.resume({ workflowId: "undo-after-crash", transactionId: "tx-2" })

    expect(report.state).toBe("failed")
    expect(undone).toEqual(["b", "a"])
    expect(report.errors.map((e) => e.error.message)).toEqual(["boom"])
  })

  test("a live owner's run cannot be taken over, even when a step runs far longer than the silence limit", async () => {
    const { first, second, clock } = twoEngines()
    const hang = deferred()
    const slow = createStep("slow", async () => {
      await hang.promise
    })
    const workflow = createWorkflow("busy", () => {
      slow()
    })
    workflow(first.container).run({ transactionId: "tx-3" }).catch(() => {})
    await new Promise((resolve) => setImmediate(resolve))

    // The first engine is alive: its clock moves, and it renews its lease while the step runs.
    await first.clock.advance(3 * STALE)
    await clock.advance(3 * STALE)
    second.engine.register(workflow.graph)

    await expect(second.engine.resume({ workflowId: "busy", transactionId: "tx-3" })).rejects.toThrow(
      "Run busy/tx-3 is owned by a live engine (first)",
    )
  })

  test("a live owner never looks silent though most checkpoints leave its heartbeat alone, over a run of many steps", async () => {
    const { storage, first, second, clock } = twoEngines()
    const gates = Array.from({ length: 30 }, () => deferred())
    const steps = gates.map((gate, index) =>
      createStep(`step-${index}`, async (previous: number) => {
        await gate.promise
        return new StepResponse(previous + 1)
      }),
    )
    const workflow = createWorkflow("many-steps", () => {
      let last: WorkflowData<number> | number = 0
      for (const step of steps) last = step(last)
      return new WorkflowResponse(last)
    })
    const running = workflow(first.container).run({ transactionId: "tx-many" })
    second.engine.register(workflow.graph)

    // Ten minutes, twice the silence limit: a step ends every 20 s, less than the heartbeat's refresh age.
    for (const gate of gates) {
      await first.clock.advance(20_000)
      await clock.advance(20_000)
      gate.resolve()
      await new Promise((resolve) => setImmediate(resolve))
      const heartbeatAt = (await storage.load("many-steps", "tx-many"))?.execution.heartbeatAt ?? 0
      expect(first.clock.now() - heartbeatAt).toBeLessThanOrEqual(STALE / 3)
      if ((await storage.load("many-steps", "tx-many"))?.execution.state === "invoking") {
        await expect(second.engine.resume({ workflowId: "many-steps", transactionId: "tx-many" })).rejects.toThrow("owned by a live engine")
      }
    }

    expect((await running).result).toBe(30)
  })

  test("recover() resumes the abandoned runs of the workflows it knows", async () => {
    const { clock, first, second } = twoEngines()
    let calls = 0
    const hang = deferred<StepResponse<string>>()
    const step = createStep("work", async () => {
      calls++
      return calls === 1 ? hang.promise : new StepResponse("done")
    })
    const workflow = createWorkflow("recoverable", () => new WorkflowResponse(step()))
    workflow(first.container).run({ transactionId: "tx-4" }).catch(() => {})
    await new Promise((resolve) => setImmediate(resolve))

    await clock.advance(STALE)
    second.engine.register(workflow.graph)
    const reports = await second.engine.recover()

    expect(reports.map((r) => [r.transaction.transactionId, r.state, r.result])).toEqual([["tx-4", "done", "done"]])
  })

  test("recover() re-arms the timeout of a parked async step", async () => {
    const { clock, first, second } = twoEngines()
    const wait = createStep({ name: "wait-for-carrier", async: true, timeout: 60 }, async () => {})
    const workflow = createWorkflow("shipping", () => {
      wait()
    })
    await workflow(first.container).run({ transactionId: "tx-5" })

    // The first engine's process is gone with its timers: a restarted one must arm them again.
    const restarted = createTestEngine({ storage: second.storage, clock: new ManualClock(clock.now()), owner: "restarted" })
    restarted.engine.register(workflow.graph)
    const reports = await restarted.engine.recover()
    expect(reports.map((r) => r.state)).toEqual(["waiting"])
    await restarted.clock.advance(60_000)

    expect((await restarted.engine.getTransaction("shipping", "tx-5"))?.state).toBe("failed")
  })

  test("a run whose definition lost a step it already ran ends in dead_letter", async () => {
    const { clock, first, second } = twoEngines()
    const hang = deferred()
    const oldStep = createStep("old-step", async () => new StepResponse(1))
    const slow = createStep("slow", async () => {
      await hang.promise
    })
    const before = createWorkflow("evolving", () => {
      oldStep()
      slow()
    })
    before(first.container).run({ transactionId: "tx-6" }).catch(() => {})
    await new Promise((resolve) => setImmediate(resolve))

    const after = createWorkflow("evolving", () => {
      slow()
    })
    await clock.advance(STALE)
    second.engine.register(after.graph)
    const report = await second.engine.resume({ workflowId: "evolving", transactionId: "tx-6" })

    expect(report.state).toBe("dead_letter")
    expect(report.errors.at(-1)?.error.message).toContain('its definition has no step "old-step" any more')
  })
})
