import { afterAll, beforeAll, expect, test } from "vitest"
import { capturePaymentWorkflow } from "../../../src/workflows/order/workflows/capture-payment.ts"
import { PaymentEvents } from "../../../src/workflows/order/events.ts"
import { failingScope, failureMessage, paymentStatusOf, recordEvents, startCheckoutApp, workflowFailure } from "./checkout-app.ts"
import type { CheckoutApp } from "./checkout-app.ts"
import { placeOrder, seedProduct, seedStore } from "./seed.ts"
import type { PlacedOrder, SeededProduct, SeededStore } from "./seed.ts"

let t: CheckoutApp
let store: SeededStore
let mug: SeededProduct
let captured: Awaited<ReturnType<typeof recordEvents>>
beforeAll(async () => {
  t = await startCheckoutApp()
  store = await seedStore(t)
  mug = await seedProduct(t, store, { stock: 100 })
  captured = await recordEvents(t, [PaymentEvents.CAPTURED])
})
afterAll(() => t.close())

async function paymentOf(placed: PlacedOrder) {
  const [payment] = await t.payment.listPayments({ payment_collection_id: placed.paymentCollectionId! })
  return payment!
}

test("capturing an order's payment: the collection is paid and the order's payment_status is captured", async () => {
  const placed = await placeOrder(t, store, [{ product: mug, quantity: 2 }])
  const payment = await paymentOf(placed)
  await captured.clear()

  const { result } = await capturePaymentWorkflow(t.container).run({ input: { payment_id: payment.id, captured_by: "user_1" } })

  expect(result.captured_at).toBeInstanceOf(Date)
  expect(result.captures!.map((capture) => [capture.amount, capture.created_by])).toEqual([["40", "user_1"]])
  expect(await t.payment.retrievePaymentCollection(placed.paymentCollectionId!)).toMatchObject({ status: "completed", captured_amount: "40" })
  expect(await paymentStatusOf(t, placed.order.id)).toBe("captured")
  expect((await captured.drain()).map((event) => event.data)).toEqual([{ id: payment.id }])
})

test("a partial capture leaves the order partially captured; more than what is left is refused", async () => {
  const placed = await placeOrder(t, store, [{ product: mug, quantity: 1 }])
  const payment = await paymentOf(placed)

  await capturePaymentWorkflow(t.container).run({ input: { payment_id: payment.id, amount: 10 } })
  expect(await paymentStatusOf(t, placed.order.id)).toBe("partially_captured")

  const error = await workflowFailure(capturePaymentWorkflow(t.container).run({ input: { payment_id: payment.id, amount: 20 } }))
  expect(error).toMatchObject({
    type: "invalid_data",
    message: `amount 20 cannot be captured from payment ${payment.id}: 15 of the authorized 25 is left to capture`,
  })
})

test("a failure after the capture refunds what was captured, and announces nothing", async () => {
  const placed = await placeOrder(t, store, [{ product: mug, quantity: 1 }])
  const payment = await paymentOf(placed)
  await captured.clear()

  const message = await failureMessage(capturePaymentWorkflow(failingScope(t, "eventBus", "emit")).run({ input: { payment_id: payment.id } }))

  expect(message).toBe('Workflow "capture-payment" failed at step "emit-event-step": eventBus.emit is down')
  const after = await t.payment.retrievePayment(payment.id, { relations: ["captures", "refunds"] })
  expect(after.captures!.map((capture) => capture.amount)).toEqual(["25"])
  expect(after.refunds!.map((refund) => [refund.amount, refund.note])).toEqual([["25", "Capture rolled back"]])
  expect(await captured.drain()).toEqual([])
})
