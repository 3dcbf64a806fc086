import { describe, expect, test } from "vitest"
import {
  createStep,
  createWorkflow,
  parallelize,
  StepResponse,
  transform,
  when,
  WorkflowResponse,
  type WorkflowData,
} from "../../../src/framework/workflows-sdk/index.ts"
import { createTestEngine, deferred } from "./helpers.ts"

type Cart = { id: string; gift: boolean; items: { sku: string; qty: number }[] }

const carts: Record<string, Cart> = {
  cart_1: { id: "cart_1", gift: true, items: [{ sku: "tee", qty: 2 }, { sku: "cap", qty: 1 }] },
  cart_2: { id: "cart_2", gift: false, items: [{ sku: "mug", qty: 3 }] },
}

function cartById(id: string): Cart {
  const cart = carts[id]
  if (cart === undefined) throw new Error(`Cart ${id} was not found`)
  return cart
}

describe("data flow", () => {
  test("a step receives what earlier steps produced, including properties of the input and of outputs", async () => {
    const { container } = createTestEngine()
    const getCart = createStep("get-cart", async (id: string) => new StepResponse(cartById(id)))
    const countUnits = createStep("count-units", async (input: { cartId: string; lines: { sku: string; qty: number }[] }) => {
      return new StepResponse(`${input.cartId}:${input.lines.reduce((sum, line) => sum + line.qty, 0)}`)
    })
    const workflow = createWorkflow("count", (input: WorkflowData<{ cartId: string }>) => {
      const cart = getCart(input.cartId)
      return new WorkflowResponse(countUnits({ cartId: cart.id, lines: cart.items }))
    })

    const { result } = await workflow(container).run({ input: { cartId: "cart_1" } })

    expect(result).toBe("cart_1:3")
  })

  test("steps run one after the other in the order they were called, even without data between them", async () => {
    const { container } = createTestEngine()
    const log: string[] = []
    const gate = deferred()
    const validate = createStep("validate", async () => {
      await gate.promise
      log.push("validate")
    })
    const write = createStep("write", async () => {
      log.push("write")
    })
    const workflow = createWorkflow("ordered", () => {
      validate()
      write()
    })

    const running = workflow(container).run()
    await new Promise((resolve) => setImmediate(resolve))
    expect(log).toEqual([])
    gate.resolve()
    await running

    expect(log).toEqual(["validate", "write"])
  })

  test("transform computes values between steps, once per run even when several steps use it", async () => {
    const { container } = createTestEngine()
    let computed = 0
    const getCart = createStep("get-cart", async (id: string) => new StepResponse(cartById(id)))
    const echo = createStep("echo", async (skus: string[]) => new StepResponse(skus.join(",")))
    const echoAgain = createStep("echo-again", async (skus: string[]) => new StepResponse(skus.length))
    const workflow = createWorkflow("skus", (input: WorkflowData<{ cartId: string }>) => {
      const cart = getCart(input.cartId)
      const skus = transform({ cart }, ({ cart }) => {
        computed++
        return cart.items.map((item) => item.sku)
      })
      return new WorkflowResponse({ joined: echo(skus), count: echoAgain(skus) })
    })

    const { result } = await workflow(container).run({ input: { cartId: "cart_1" } })

    expect(result).toEqual({ joined: "tee,cap", count: 2 })
    expect(computed).toBe(1)
  })

  test("parallelize runs its steps at the same time and returns their outputs in order", async () => {
    const { container } = createTestEngine()
    const started: string[] = []
    const gates = { a: deferred(), b: deferred() }
    const branch = (name: "a" | "b") =>
      createStep(`branch-${name}`, async () => {
        started.push(name)
        await gates[name].promise
        return new StepResponse(name.toUpperCase())
      })
    const [stepA, stepB] = [branch("a"), branch("b")]
    const workflow = createWorkflow("fan-out", () => {
      const [a, b] = parallelize(stepA(), stepB())
      return new WorkflowResponse(transform({ a, b }, ({ a, b }) => `${a}${b}`))
    })

    const running = workflow(container).run()
    await new Promise((resolve) => setImmediate(resolve))
    // Both branches started although neither has finished: they run concurrently.
    expect(started.sort()).toEqual(["a", "b"])
    gates.b.resolve()
    gates.a.resolve()

    expect((await running).result).toBe("AB")
  })

  test("when skips its branch if the condition is false, and its result is then undefined", async () => {
    const { container } = createTestEngine()
    const wrapped: string[] = []
    const getCart = createStep("get-cart", async (id: string) => new StepResponse(cartById(id)))
    const giftWrap = createStep("gift-wrap", async (cart: Cart) => {
      wrapped.push(cart.id)
      return new StepResponse(`wrapped ${cart.id}`)
    })
    const after = createStep("after", async (note: string | undefined) => new StepResponse(note ?? "no wrapping"))
    const workflow = createWorkflow("gift", (input: WorkflowData<{ cartId: string }>) => {
      const cart = getCart(input.cartId)
      const note = when("gift-wrap", { cart }, ({ cart }) => cart.gift).then(() => giftWrap(cart))
      return new WorkflowResponse(after(note))
    })

    const gift = await workflow(container).run({ input: { cartId: "cart_1" } })
    const plain = await workflow(container).run({ input: { cartId: "cart_2" } })

    expect(gift.result).toBe("wrapped cart_1")
    expect(plain.result).toBe("no wrapping")
    expect(wrapped).toEqual(["cart_1"])
    expect(plain.transaction.steps["gift-wrap"]?.status).toBe("skipped")
  })

  test("nested when blocks need both conditions", async () => {
    const { container } = createTestEngine()
    const ran: number[] = []
    const mark = createStep("mark", async (n: number) => {
      ran.push(n)
    })
    const workflow = createWorkflow("nested-when", (input: WorkflowData<{ n: number }>) => {
      when({ n: input.n }, ({ n }) => n > 1).then(() => {
        when({ n: input.n }, ({ n }) => n > 2).then(() => {
          mark(input.n)
        })
      })
    })

    for (const n of [1, 2, 3]) await workflow(container).run({ input: { n } })

    expect(ran).toEqual([3])
  })

  test("a skipped when block holding parallel steps lets the steps after it run, and the run finishes", async () => {
    const { container } = createTestEngine()
    const ran: string[] = []
    const step = (name: string) => createStep(name, async () => void ran.push(name))
    const [reserve, link, after] = [step("reserve"), step("link"), step("after")]
    const workflow = createWorkflow("skipped-parallel", (input: WorkflowData<{ place: boolean }>) => {
      when({ input }, ({ input }) => input.place).then(() => {
        parallelize(reserve(), link())
      })
      after()
    })

    const skipped = await workflow(container).run({ input: { place: false } })
    const placed = await workflow(container).run({ input: { place: true } })

    expect(skipped.transaction.state).toBe("done")
    expect(placed.transaction.state).toBe("done")
    expect(skipped.transaction.steps.reserve?.status).toBe("skipped")
    expect(skipped.transaction.steps.link?.status).toBe("skipped")
    expect(ran).toEqual(["after", "reserve", "link", "after"])
  })

  test("StepResponse.skip() marks the step skipped: the workflow goes on, and there is nothing to compensate", async () => {
    const { container } = createTestEngine()
    const compensated: string[] = []
    const maybe = createStep(
      "maybe",
      async (n: number) => (n > 0 ? new StepResponse(n) : StepResponse.skip()),
      async () => {
        compensated.push("maybe")
      },
    )
    const next = createStep("next", async (value: number | undefined) => new StepResponse(value ?? "nothing"))
    const failing = createStep("fail-if-asked", async (fail: boolean) => {
      if (fail) throw new Error("asked to fail")
    })
    const workflow = createWorkflow("skipper", (input: WorkflowData<{ n: number; fail: boolean }>) => {
      const value = next(maybe(input.n))
      failing(input.fail)
      return new WorkflowResponse(value)
    })

    const skipped = await workflow(container).run({ input: { n: 0, fail: false } })
    const failed = await workflow(container).run({ input: { n: 0, fail: true }, throwOnError: false })

    expect(skipped.result).toBe("nothing")
    expect(skipped.transaction.steps["maybe"]?.status).toBe("skipped")
    expect(failed.transaction.state).toBe("failed")
    expect(compensated).toEqual([])
  })

  test("a step may return nothing: its output is undefined", async () => {
    const { container } = createTestEngine()
    const fireAndForget = createStep("fire", async () => {})
    const workflow = createWorkflow("void-step", () => new WorkflowResponse(fireAndForget()))

    const { result, transaction } = await workflow(container).run()

    expect(result).toBeUndefined()
    expect(transaction.state).toBe("done")
  })

  test("each run gets fresh copies of literal objects given to steps", async () => {
    const { container } = createTestEngine()
    const mutate = createStep("mutate", async (bag: { items: string[] }) => {
      bag.items.push("x")
      return new StepResponse(bag.items.length)
    })
    const workflow = createWorkflow("literals", () => new WorkflowResponse(mutate({ items: [] })))

    const first = await workflow(container).run()
    const second = await workflow(container).run()

    expect([first.result, second.result]).toEqual([1, 1])
  })

  test("a transform that throws fails the step that needed it, and the run compensates", async () => {
    const { container } = createTestEngine()
    const undone: string[] = []
    let consumerCalls = 0
    const first = createStep(
      "first",
      async () => new StepResponse({ price: -1 }),
      async () => {
        undone.push("first")
      },
    )
    const consumer = createStep(
      "consumer",
      async (price: number) => {
        consumerCalls++
        return new StepResponse(price)
      },
      async () => {
        undone.push("consumer")
      },
    )
    const workflow = createWorkflow("bad-transform", () => {
      const item = first()
      const price = transform({ item }, ({ item }) => {
        if (item.price < 0) throw new Error("negative price")
        return item.price
      })
      consumer(price)
    })

    await expect(workflow(container).run()).rejects.toThrow('failed at step "consumer": negative price')
    expect(consumerCalls).toBe(0)
    // The consumer never ran, so only the first step has something to undo.
    expect(undone).toEqual(["first"])
  })

  test("a result transform that throws fails the run after its steps, which are compensated", async () => {
    const { container } = createTestEngine()
    const undone: string[] = []
    const only = createStep(
      "only",
      async () => new StepResponse(1),
      async () => {
        undone.push("only")
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

    const { errors, transaction } = await workflow(container).run({ throwOnError: false })

    expect(errors.map((e) => [e.stepId, e.error.message])).toEqual([["workflow-result", "cannot shape the result"]])
    expect(transaction.state).toBe("failed")
    expect(undone).toEqual(["only"])
  })
})
