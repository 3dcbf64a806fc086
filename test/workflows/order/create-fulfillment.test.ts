import { afterAll, beforeAll, expect, test } from "vitest"
import { cancelOrderWorkflow } from "../../../src/workflows/order/workflows/cancel-order.ts"
import { createOrderFulfillmentWorkflow } from "../../../src/workflows/order/workflows/create-fulfillment.ts"
import type { CreateOrderFulfillmentWorkflowInput } from "../../../src/workflows/order/workflows/create-fulfillment.ts"
import { OrderEvents } from "../../../src/workflows/order/events.ts"
import { failingScope, failureMessage, footprint, recordEvents, startCheckoutApp, workflowFailure } from "./checkout-app.ts"
import type { CheckoutApp } from "./checkout-app.ts"
import { placeOrder, seedProduct, seedStore } from "./seed.ts"
import type { SeededProduct, SeededStore } from "./seed.ts"

let t: CheckoutApp
let store: SeededStore
let created: Awaited<ReturnType<typeof recordEvents>>
beforeAll(async () => {
  t = await startCheckoutApp()
  store = await seedStore(t)
  created = await recordEvents(t, [OrderEvents.FULFILLMENT_CREATED])
})
afterAll(() => t.close())

const fulfil = (input: CreateOrderFulfillmentWorkflowInput, container = t.container) =>
  createOrderFulfillmentWorkflow(container).run({ input })
const level = async (product: SeededProduct) => {
  const { stocked_quantity, reserved_quantity } = await t.inventory.retrieveInventoryLevelByItemAndLocation(product.inventoryItemId!, store.locationId)
  return { stocked: stocked_quantity, reserved: reserved_quantity }
}

test("fulfilling part of an order, then the rest: the units leave the stock and the order follows", async () => {
  const mug = await seedProduct(t, store, { stock: 10 })
  const { order } = await placeOrder(t, store, [{ product: mug, quantity: 3 }])
  const line = order.items[0]!
  expect(await level(mug)).toEqual({ stocked: 10, reserved: 3 })
  await created.clear()

  const { result: first } = await fulfil({ order_id: order.id, items: [{ id: line.id, quantity: 1 }] })

  expect(first).toMatchObject({ order_id: order.id, location_id: store.locationId, provider_id: "manual_manual" })
  expect(first.items).toMatchObject([{ line_item_id: line.id, quantity: 1 }])
  const afterFirst = await t.orders.retrieveOrder(order.id)
  expect(afterFirst.items[0]!.detail.fulfilled_quantity).toBe(1)
  expect(afterFirst.fulfillment_status).toBe("partially_fulfilled")
  expect(await level(mug)).toEqual({ stocked: 9, reserved: 2 })
  const [reservation] = await t.inventory.listReservationItems({ line_item_id: line.id })
  expect(reservation!.quantity).toBe(2)
  const [shipment] = await t.fulfillment.listFulfillments({ location_id: store.locationId }, { relations: ["items", "delivery_address"] })
  expect(shipment).toMatchObject({
    provider_id: "manual_manual",
    shipping_option_id: store.shippingOptionId,
    canceled_at: null,
    items: [{ line_item_id: line.id, quantity: 1, sku: mug.sku }],
    delivery_address: { address_1: "12 Analytical Row", country_code: "us" },
  })
  expect((await created.drain()).map((event) => event.data)).toEqual([{ order_id: order.id, fulfillment_id: first.id, no_notification: false }])

  await fulfil({ order_id: order.id, items: [{ id: line.id, quantity: 2 }] })

  expect((await t.orders.retrieveOrder(order.id)).fulfillment_status).toBe("fulfilled")
  expect(await level(mug)).toEqual({ stocked: 7, reserved: 0 })
  expect(await t.inventory.listReservationItems({ line_item_id: line.id })).toEqual([])
})

test("a variant made of 2 units of an item consumes 2 per unit shipped", async () => {
  const bundle = await seedProduct(t, store, { stock: 10, required_quantity: 2 })
  const { order } = await placeOrder(t, store, [{ product: bundle, quantity: 2 }])
  expect(await level(bundle)).toEqual({ stocked: 10, reserved: 4 })

  await fulfil({ order_id: order.id, items: [{ id: order.items[0]!.id, quantity: 1 }] })

  expect(await level(bundle)).toEqual({ stocked: 8, reserved: 2 })
})

test("more than what is left, an unknown line, another location or a canceled order are refused, nothing changed", async () => {
  const mug = await seedProduct(t, store, { stock: 10 })
  const { order } = await placeOrder(t, store, [{ product: mug, quantity: 2 }])
  const line = order.items[0]!
  const other = await t.locations.createStockLocations({ name: "Elsewhere" })
  const gone = await placeOrder(t, store, [{ product: mug, quantity: 1 }])
  await cancelOrderWorkflow(t.container).run({ input: { order_id: gone.order.id } })
  const before = await footprint(t)

  const tooMany = await workflowFailure(fulfil({ order_id: order.id, items: [{ id: line.id, quantity: 3 }] }))
  expect(tooMany).toMatchObject({
    type: "invalid_data",
    message: `Cannot fulfill more items than what was ordered for item ${line.id} (${line.title}): 3 requested, 2 left to fulfill`,
  })
  const unknown = await workflowFailure(fulfil({ order_id: order.id, items: [{ id: "ordli_missing", quantity: 1 }] }))
  expect(unknown).toMatchObject({ type: "invalid_data", message: `Items with ids ordli_missing do not exist in order with id ${order.id}` })
  const elsewhere = await workflowFailure(fulfil({ order_id: order.id, location_id: other.id, items: [{ id: line.id, quantity: 1 }] }))
  expect(elsewhere).toMatchObject({
    type: "invalid_data",
    message: `Item ${line.id} (${line.title}) is reserved at location ${store.locationId}, not at ${other.id}`,
  })
  const canceledOrder = await workflowFailure(fulfil({ order_id: gone.order.id, items: [{ id: gone.order.items[0]!.id, quantity: 1 }] }))
  expect(canceledOrder).toMatchObject({ type: "not_allowed", message: `Order with id ${gone.order.id} has been canceled.` })

  expect(await footprint(t)).toEqual(before)
})

test("a failure at each writing step undoes the fulfillment: quantities, provider record and stock", async () => {
  const mug = await seedProduct(t, store, { stock: 10 })
  const { order } = await placeOrder(t, store, [{ product: mug, quantity: 2 }])
  const line = order.items[0]!
  const [reservation] = await t.inventory.listReservationItems({ line_item_id: line.id })
  const failures = [
    { key: "fulfillment", method: "createFulfillment", step: "create-fulfillment-step" },
    { key: "inventory", method: "consumeReservations", step: "consume-reservations-step" },
    { key: "eventBus", method: "emit", step: "emit-event-step" },
  ]
  for (const { key, method, step } of failures) {
    await created.drain()
    await created.clear()
    const before = await footprint(t)

    const message = await failureMessage(fulfil({ order_id: order.id, items: [{ id: line.id, quantity: 2 }] }, failingScope(t, key, method)))

    expect(message).toBe(`Workflow "create-order-fulfillment" failed at step "${step}": ${key}.${method} is down`)
    expect(await footprint(t), step).toEqual(before)
    const after = await t.orders.retrieveOrder(order.id)
    expect(after.items[0]!.detail.fulfilled_quantity).toBe(0)
    expect(after.fulfillments).toEqual([])
    expect(await level(mug)).toEqual({ stocked: 10, reserved: 2 })
    const [held] = await t.inventory.listReservationItems({ line_item_id: line.id })
    expect({ id: held!.id, quantity: held!.quantity }).toEqual({ id: reservation!.id, quantity: 2 })
    expect(await created.drain()).toEqual([])
  }
})
