import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { FulfillmentEvents, OrderEvents } from "../../../src/workflows/order/events.ts"
import { cancelOrderFulfillmentWorkflow } from "../../../src/workflows/order/workflows/cancel-order-fulfillment.ts"
import { createOrderFulfillmentWorkflow } from "../../../src/workflows/order/workflows/create-fulfillment.ts"
import { createOrderShipmentWorkflow } from "../../../src/workflows/order/workflows/create-order-shipment.ts"
import { markOrderFulfillmentAsDeliveredWorkflow } from "../../../src/workflows/order/workflows/mark-order-fulfillment-delivered.ts"
import { failingScope, failureMessage, footprint, recordEvents, startCheckoutApp, workflowFailure } from "./checkout-app.ts"
import type { CheckoutApp } from "./checkout-app.ts"
import { placeOrder, seedProduct, seedStore } from "./seed.ts"
import type { SeededProduct, SeededStore } from "./seed.ts"

let t: CheckoutApp
let store: SeededStore
let events: Awaited<ReturnType<typeof recordEvents>>
beforeAll(async () => {
  t = await startCheckoutApp()
  store = await seedStore(t)
  events = await recordEvents(t, [OrderEvents.FULFILLMENT_CANCELED, FulfillmentEvents.SHIPMENT_CREATED, FulfillmentEvents.DELIVERY_CREATED])
})
afterAll(() => t.close())

const level = async (product: SeededProduct) => {
  const { stocked_quantity, reserved_quantity } = await t.inventory.retrieveInventoryLevelByItemAndLocation(product.inventoryItemId!, store.locationId)
  return { stocked: stocked_quantity, reserved: reserved_quantity }
}

/** An order of `quantity` units (2 of the inventory item each) with one fulfillment of all of them. */
async function fulfilledOrder(quantity = 2) {
  const mug = await seedProduct(t, store, { stock: 10, required_quantity: 2 })
  const { order } = await placeOrder(t, store, [{ product: mug, quantity }])
  const line = order.items[0]!
  const { result: fulfillment } = await createOrderFulfillmentWorkflow(t.container).run({
    input: { order_id: order.id, items: [{ id: line.id, quantity }] },
  })
  return { mug, order, line, fulfillment }
}

const cancel = (order_id: string, fulfillment_id: string, container = t.container) =>
  cancelOrderFulfillmentWorkflow(container).run({ input: { order_id, fulfillment_id } })
const ship = (order_id: string, fulfillment_id: string, items: { id: string; quantity: number }[], container = t.container) =>
  createOrderShipmentWorkflow(container).run({
    input: { order_id, fulfillment_id, items, labels: [{ tracking_number: "T1", tracking_url: "https://t.example/1", label_url: "https://l.example/1" }] },
  })
const deliver = (order_id: string, fulfillment_id: string, container = t.container) =>
  markOrderFulfillmentAsDeliveredWorkflow(container).run({ input: { order_id, fulfillment_id } })

describe("cancel-order-fulfillment", () => {
  test("the units come back in stock and are held for the order again; the provider cancels it", async () => {
    const { mug, order, line, fulfillment } = await fulfilledOrder()
    expect(await level(mug)).toEqual({ stocked: 6, reserved: 0 })
    await events.clear()

    const { result } = await cancel(order.id, fulfillment.id)

    expect(result).toMatchObject({ id: fulfillment.id, canceled_at: expect.any(Date) })
    expect(await level(mug)).toEqual({ stocked: 10, reserved: 4 })
    const reservations = await t.inventory.listReservationItems({ line_item_id: line.id })
    expect(reservations.map((r) => ({ quantity: r.quantity, location_id: r.location_id }))).toEqual([{ quantity: 4, location_id: store.locationId }])
    const after = await t.orders.retrieveOrder(order.id)
    expect(after.items[0]!.detail.fulfilled_quantity).toBe(0)
    expect(after.fulfillment_status).toBe("canceled")
    expect((await t.fulfillment.retrieveFulfillment(fulfillment.id)).canceled_at).toBeInstanceOf(Date)
    expect((await events.drain()).map((event) => [event.name, event.data])).toEqual([
      [OrderEvents.FULFILLMENT_CANCELED, { order_id: order.id, fulfillment_id: fulfillment.id, no_notification: false }],
    ])

    const twice = await workflowFailure(cancel(order.id, fulfillment.id))
    expect(twice).toMatchObject({ type: "not_allowed", message: `Fulfillment with id ${fulfillment.id} has been canceled.` })
  })

  test("a failure at each step leaves the fulfillment active and the stock as it was", async () => {
    const { mug, order, fulfillment } = await fulfilledOrder()
    const failures = [
      { key: "inventory", method: "reserve", step: "restock-fulfillment-items-step" },
      { key: "fulfillment", method: "cancelFulfillment", step: "cancel-fulfillment-step" },
      { key: "eventBus", method: "emit", step: "emit-event-step" },
    ]
    for (const { key, method, step } of failures) {
      await events.drain()
      await events.clear()
      const before = await footprint(t)

      const message = await failureMessage(cancel(order.id, fulfillment.id, failingScope(t, key, method)))

      expect(message).toBe(`Workflow "cancel-order-fulfillment" failed at step "${step}": ${key}.${method} is down`)
      expect(await footprint(t), step).toEqual(before)
      expect(await level(mug), step).toEqual({ stocked: 6, reserved: 0 })
      const after = await t.orders.retrieveOrder(order.id)
      expect(after.fulfillments[0]!.canceled_at, step).toBeNull()
      expect(after.items[0]!.detail.fulfilled_quantity, step).toBe(2)
      expect(await events.drain()).toEqual([])
    }
  })

  test("a shipped fulfillment, an unknown one or one of a canceled order is refused", async () => {
    const { order, line, fulfillment } = await fulfilledOrder()
    await ship(order.id, fulfillment.id, [{ id: line.id, quantity: 2 }])
    const before = await footprint(t)
    expect(await workflowFailure(cancel(order.id, fulfillment.id))).toMatchObject({
      type: "not_allowed",
      message: "The fulfillment has already been shipped. Shipped fulfillments cannot be canceled",
    })
    expect(await workflowFailure(cancel(order.id, "ful_missing"))).toMatchObject({
      type: "not_found",
      message: `Fulfillment with id: ful_missing was not found in order ${order.id}`,
    })
    expect(await workflowFailure(cancel("order_missing", fulfillment.id))).toMatchObject({ type: "not_found" })
    expect(await footprint(t)).toEqual(before)
  })
})

describe("create-order-shipment and mark-order-fulfillment-as-delivered", () => {
  test("ship, then deliver: the order's lines and the fulfillment follow", async () => {
    const { order, line, fulfillment } = await fulfilledOrder()
    await events.clear()

    await ship(order.id, fulfillment.id, [{ id: line.id, quantity: 2 }])
    let after = await t.orders.retrieveOrder(order.id)
    expect(after.items[0]!.detail.shipped_quantity).toBe(2)
    expect(after.fulfillment_status).toBe("shipped")
    const shipped = await t.fulfillment.retrieveFulfillment(fulfillment.id, { relations: ["labels"] })
    expect(shipped.shipped_at).toBeInstanceOf(Date)
    expect(shipped.labels!.map((label) => label.tracking_number)).toEqual(["T1"])

    await deliver(order.id, fulfillment.id)
    after = await t.orders.retrieveOrder(order.id)
    expect(after.items[0]!.detail.delivered_quantity).toBe(2)
    expect(after.fulfillment_status).toBe("delivered")
    expect((await t.fulfillment.retrieveFulfillment(fulfillment.id)).delivered_at).toBeInstanceOf(Date)
    expect((await events.drain()).map((event) => [event.name, event.data])).toEqual([
      [FulfillmentEvents.SHIPMENT_CREATED, { id: fulfillment.id, no_notification: false }],
      [FulfillmentEvents.DELIVERY_CREATED, { id: fulfillment.id }],
    ])
  })

  test("a shipment of lines the fulfillment does not hold is refused", async () => {
    const { order, line, fulfillment } = await fulfilledOrder()
    expect(await workflowFailure(ship(order.id, fulfillment.id, [{ id: "ordli_other", quantity: 1 }]))).toMatchObject({
      type: "invalid_data",
      message: `Item ordli_other is not part of fulfillment ${fulfillment.id}`,
    })
    expect(await workflowFailure(ship(order.id, fulfillment.id, [{ id: line.id, quantity: 3 }]))).toMatchObject({ type: "invalid_data" })
    expect((await t.orders.retrieveOrder(order.id)).fulfillments[0]!.shipped_at).toBeNull()
  })

  test("a failure after the order recorded the shipment or the delivery takes it back", async () => {
    const { order, line, fulfillment } = await fulfilledOrder()
    const labels = async () => (await t.fulfillment.listFulfillmentLabels({ fulfillment_id: fulfillment.id })).length

    const shipFailed = await failureMessage(ship(order.id, fulfillment.id, [{ id: line.id, quantity: 2 }], failingScope(t, "eventBus", "emit")))
    expect(shipFailed).toContain(`failed at step "emit-event-step"`)
    let after = await t.orders.retrieveOrder(order.id)
    expect(after.fulfillments[0]!.shipped_at).toBeNull()
    expect(after.items[0]!.detail.shipped_quantity).toBe(0)
    expect((await t.fulfillment.retrieveFulfillment(fulfillment.id)).shipped_at).toBeNull()
    expect(await labels()).toBe(0)

    const deliverFailed = await failureMessage(deliver(order.id, fulfillment.id, failingScope(t, "fulfillment", "updateFulfillments")))
    expect(deliverFailed).toContain(`failed at step "update-fulfillment-progress-step"`)
    after = await t.orders.retrieveOrder(order.id)
    expect(after.fulfillments[0]!.delivered_at).toBeNull()
    expect(after.items[0]!.detail.delivered_quantity).toBe(0)
  })
})
