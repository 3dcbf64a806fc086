import { expect, test } from "vitest"
import { workflowToMermaid } from "../../../src/framework/orchestrator/index.ts"
import {
  createHook,
  createStep,
  createWorkflow,
  parallelize,
  StepResponse,
  when,
  WorkflowResponse,
  type WorkflowData,
} from "../../../src/framework/workflows-sdk/index.ts"

const step = (name: string) => createStep(name, async (_: unknown) => new StepResponse(name))

test("a workflow is drawn with its steps, parallel branches, when conditions, hooks and nested workflows", () => {
  const getCart = step("get-cart")
  const reserve = step("reserve")
  const authorize = step("authorize")
  const giftWrap = step("gift-wrap")
  const card = step("card")
  const createOrder = step("create-order")
  const notify = createWorkflow("notify", () => {
    step("send-email")()
  })
  const workflow = createWorkflow("place-order", (input: WorkflowData<{ cartId: string; gift: boolean }>) => {
    const cart = getCart(input.cartId)
    parallelize(reserve(cart), authorize(cart))
    when("gift wrap", { gift: input.gift }, ({ gift }) => gift).then(() => {
      giftWrap(cart)
      card(cart)
    })
    const order = createOrder(cart)
    const orderCreated = createHook("orderCreated", { order })
    notify.runAsStep()
    return new WorkflowResponse(order, { hooks: [orderCreated] })
  })

  expect(workflowToMermaid(workflow)).toBe(
    [
      "flowchart TD",
      '  start(("place-order"))',
      '  s0["get-cart"]',
      "  start --> s0",
      '  subgraph p1 ["parallel"]',
      '    s1["reserve"]',
      '    s2["authorize"]',
      "  end",
      "  s0 --> s1",
      "  s0 --> s2",
      '  c0_2{"when gift wrap"}',
      "  s1 --> c0_2",
      "  s2 --> c0_2",
      '  s3["gift-wrap"]',
      "  c0_2 -->|yes| s3",
      '  s4["card"]',
      "  s3 --> s4",
      '  s5["create-order"]',
      "  s4 --> s5",
      "  c0_2 -->|no| s5",
      '  s6{{"hook.orderCreated"}}',
      "  s5 --> s6",
      '  s7[["notify-as-step"]]',
      "  s6 --> s7",
      '  finish(("end"))',
      "  s7 --> finish",
    ].join("\n"),
  )
})

test("a when block at the end of a workflow goes to the end either way, and names are escaped", () => {
  const last = step("last")
  const workflow = createWorkflow('say "hi"', (input: WorkflowData<{ ok: boolean }>) => {
    when({ ok: input.ok }, ({ ok }) => ok).then(() => {
      last(input.ok)
    })
  })

  expect(workflowToMermaid(workflow.graph)).toBe(
    [
      "flowchart TD",
      '  start(("say #quot;hi#quot;"))',
      '  c0_0{"when condition 1"}',
      "  start --> c0_0",
      '  s0["last"]',
      "  c0_0 -->|yes| s0",
      '  finish(("end"))',
      "  s0 --> finish",
      "  c0_0 -->|no| finish",
    ].join("\n"),
  )
})
