import { afterAll, beforeAll, expect, test } from "vitest"
import { cancelOrderWorkflow } from "../../../src/workflows/order/workflows/cancel-order.ts"
import { completeOrderWorkflow } from "../../../src/workflows/order/workflows/complete-orders.ts"
import { OrderEvents } from "../../../src/workflows/order/events.ts"
import { failingScope, failureMessage, recordEvents, startCheckoutApp, workflowFailure } from "./checkout-app.ts"
import type { CheckoutApp } from "./checkout-app.ts"
import { placeOrder, seedProduct, seedStore } from "./seed.ts"
import type { SeededProduct, SeededStore } from "./seed.ts"

let t: CheckoutApp
let store: SeededStore
let mug: SeededProduct
let completed: Awaited<ReturnType<typeof recordEvents>>
beforeAll(async () => {
  t = await startCheckoutApp()
  store = await seedStore(t)
  mug = await seedProduct(t, store, { stock: 100 })
  completed = await recordEvents(t, [OrderEvents.COMPLETED])
})
afterAll(() => t.close())

const statusOf = async (id: string) => (await t.orders.retrieveOrder(id)).status

test("completing orders marks each completed and announces each", async () => {
  const a = await placeOrder(t, store, [{ product: mug, quantity: 1 }])
  const b = await placeOrder(t, store, [{ product: mug, quantity: 1 }])
  await completed.clear()

  const { result } = await completeOrderWorkflow(t.container).run({ input: { orderIds: [a.order.id, b.order.id] } })

  expect(result.map((order) => [order.id, order.status])).toEqual([
    [a.order.id, "completed"],
    [b.order.id, "completed"],
  ])
  expect(await statusOf(a.order.id)).toBe("completed")
  expect((await completed.drain()).map((event) => event.data)).toEqual([{ id: a.order.id }, { id: b.order.id }])
})

test("a canceled order among them is refused, and then none is completed", async () => {
  const open = await placeOrder(t, store, [{ product: mug, quantity: 1 }])
  const gone = await placeOrder(t, store, [{ product: mug, quantity: 1 }])
  await cancelOrderWorkflow(t.container).run({ input: { order_id: gone.order.id } })
  await completed.clear()

  const error = await workflowFailure(completeOrderWorkflow(t.container).run({ input: { orderIds: [open.order.id, gone.order.id] } }))

  expect(error).toMatchObject({ type: "not_allowed", message: `Order with id ${gone.order.id} has been canceled.` })
  expect(await statusOf(open.order.id)).toBe("pending")
  expect(await statusOf(gone.order.id)).toBe("canceled")
  expect(await completed.drain()).toEqual([])
})

test("a failure after the orders were completed gives them their status back", async () => {
  const { order } = await placeOrder(t, store, [{ product: mug, quantity: 1 }])
  await completed.clear()

  const message = await failureMessage(completeOrderWorkflow(failingScope(t, "eventBus", "emit")).run({ input: { orderIds: [order.id] } }))

  expect(message).toBe('Workflow "complete-orders" failed at step "emit-event-step": eventBus.emit is down')
  expect(await statusOf(order.id)).toBe("pending")
  expect(await completed.drain()).toEqual([])
})
