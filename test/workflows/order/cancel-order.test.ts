import { afterAll, beforeAll, expect, test } from "vitest"
import { cancelOrderWorkflow } from "../../../src/workflows/order/workflows/cancel-order.ts"
import { capturePaymentWorkflow } from "../../../src/workflows/order/workflows/capture-payment.ts"
import { createOrderFulfillmentWorkflow } from "../../../src/workflows/order/workflows/create-fulfillment.ts"
import { OrderEvents } from "../../../src/workflows/order/events.ts"
import { failingScope, failureMessage, footprint, paymentStatusOf, recordEvents, startCheckoutApp, workflowFailure } from "./checkout-app.ts"
import type { CheckoutApp } from "./checkout-app.ts"
import { placeOrder, seedProduct, seedStore } from "./seed.ts"
import type { SeededProduct, SeededStore } from "./seed.ts"

let t: CheckoutApp
let store: SeededStore
let mug: SeededProduct
let canceled: Awaited<ReturnType<typeof recordEvents>>
beforeAll(async () => {
  t = await startCheckoutApp()
  store = await seedStore(t)
  mug = await seedProduct(t, store, { stock: 100 })
  canceled = await recordEvents(t, [OrderEvents.CANCELED])
})
afterAll(() => t.close())

const cancel = (orderId: string, container = t.container) => cancelOrderWorkflow(container).run({ input: { order_id: orderId } })
const reservedUnits = async () => (await t.inventory.retrieveInventoryLevelByItemAndLocation(mug.inventoryItemId!, store.locationId)).reserved_quantity

test("canceling an order releases its stock, cancels its payment and marks it canceled", async () => {
  const reservedBefore = await reservedUnits()
  const { order, sessionId, paymentCollectionId } = await placeOrder(t, store, [{ product: mug, quantity: 3 }])
  expect(await reservedUnits()).toBe(reservedBefore + 3)
  await canceled.clear()

  const { result } = await cancel(order.id)

  expect(result).toMatchObject({ id: order.id, status: "canceled", canceled_at: expect.any(Date) })
  expect((await t.orders.retrieveOrder(order.id)).status).toBe("canceled")
  expect(await reservedUnits()).toBe(reservedBefore)
  expect(await t.inventory.listReservationItems({ line_item_id: order.items.map((item) => item.id) })).toEqual([])
  const [payment] = await t.payment.listPayments({ payment_collection_id: paymentCollectionId! })
  expect(payment!.canceled_at).toBeInstanceOf(Date)
  expect((await t.payment.retrievePaymentSession(sessionId!)).status).toBe("canceled")
  expect(await paymentStatusOf(t, order.id)).toBe("canceled")
  expect((await canceled.drain()).map((event) => event.data)).toEqual([{ id: order.id }])
})

test("a captured payment is refunded before it is canceled", async () => {
  const { order, paymentCollectionId } = await placeOrder(t, store, [{ product: mug, quantity: 1 }])
  const [payment] = await t.payment.listPayments({ payment_collection_id: paymentCollectionId! })
  await capturePaymentWorkflow(t.container).run({ input: { payment_id: payment!.id } })

  await cancel(order.id)

  const after = await t.payment.retrievePayment(payment!.id, { relations: ["captures", "refunds"] })
  expect(after.refunds!.map((refund) => refund.amount)).toEqual(["25"])
  expect(after.canceled_at).toBeInstanceOf(Date)
  expect((await t.payment.retrievePaymentCollection(paymentCollectionId!)).refunded_amount).toBe("25")
})

test("an order with an active fulfillment, a canceled order and an unknown one are refused, nothing changed", async () => {
  const fulfilled = await placeOrder(t, store, [{ product: mug, quantity: 1 }])
  await createOrderFulfillmentWorkflow(t.container).run({ input: { order_id: fulfilled.order.id, items: [{ id: fulfilled.order.items[0]!.id, quantity: 1 }] } })
  const done = await placeOrder(t, store, [{ product: mug, quantity: 1 }])
  await cancel(done.order.id)
  await canceled.drain()
  await canceled.clear()
  const before = await footprint(t)

  const active = await workflowFailure(cancel(fulfilled.order.id))
  expect(active).toMatchObject({ type: "not_allowed", message: "All fulfillments must be canceled before canceling an order" })
  const twice = await workflowFailure(cancel(done.order.id))
  expect(twice).toMatchObject({ type: "not_allowed", message: `Order with id ${done.order.id} has been canceled.` })
  const unknown = await workflowFailure(cancel("order_missing"))
  expect(unknown).toMatchObject({ type: "not_found", message: "Order with id: order_missing was not found" })

  expect(await footprint(t)).toEqual(before)
  expect((await t.orders.retrieveOrder(fulfilled.order.id)).status).toBe("pending")
  expect(await canceled.drain()).toEqual([])
})

test("the payment provider failing to cancel: the order is pending again with its stock held", async () => {
  const { order, paymentCollectionId } = await placeOrder(t, store, [{ product: mug, quantity: 2 }])
  const reservations = await t.inventory.listReservationItems({ line_item_id: order.items.map((item) => item.id) })
  const reserved = await reservedUnits()
  await canceled.clear()

  const message = await failureMessage(cancel(order.id, failingScope(t, "payment", "cancelPayment")))

  expect(message).toBe('Workflow "cancel-order" failed at step "cancel-order-payments-step": payment.cancelPayment is down')
  expect(await t.orders.retrieveOrder(order.id)).toMatchObject({ status: "pending", canceled_at: null })
  expect(await reservedUnits()).toBe(reserved)
  const restored = await t.inventory.listReservationItems({ line_item_id: order.items.map((item) => item.id) })
  expect(restored.map((r) => [r.id, r.quantity])).toEqual(reservations.map((r) => [r.id, r.quantity]))
  expect((await t.payment.listPayments({ payment_collection_id: paymentCollectionId! }))[0]!.canceled_at).toBeNull()
  expect(await paymentStatusOf(t, order.id)).toBe("authorized")
  expect(await canceled.drain()).toEqual([])
})

test("the order module refusing the cancel: the released stock is held again", async () => {
  const { order } = await placeOrder(t, store, [{ product: mug, quantity: 1 }])
  const before = await footprint(t)

  const message = await failureMessage(cancel(order.id, failingScope(t, "order", "cancel")))

  expect(message).toBe('Workflow "cancel-order" failed at step "cancel-order-step": order.cancel is down')
  expect(await footprint(t)).toEqual(before)
})
