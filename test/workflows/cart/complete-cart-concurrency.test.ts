import { afterAll, beforeAll, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { completeCartWorkflow } from "../../../src/workflows/cart/workflows/complete-cart.ts"
import { OrderEvents } from "../../../src/workflows/order/events.ts"
import { footprint, recordEvents, startCheckoutApp } from "../order/checkout-app.ts"
import type { CheckoutApp } from "../order/checkout-app.ts"
import { seedCart, seedProduct, seedStore } from "../order/seed.ts"
import type { SeededCart, SeededStore } from "../order/seed.ts"

let t: CheckoutApp
let store: SeededStore
let placed: Awaited<ReturnType<typeof recordEvents>>
beforeAll(async () => {
  t = await startCheckoutApp()
  store = await seedStore(t)
  placed = await recordEvents(t, [OrderEvents.PLACED])
})
afterAll(() => t.close())

async function ordersOfCart(cartId: string): Promise<string[]> {
  const { data } = await t.query.graph<{ order_id: string }>({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
  return data.map((row) => row.order_id)
}

test("20 concurrent completions of one cart under its id as transaction id: one order, every caller gets it", { timeout: 60_000 }, async () => {
  const mug = await seedProduct(t, store, { stock: 10 })
  const { cart } = await seedCart(t, store, [{ product: mug, quantity: 2 }])
  await placed.clear()

  const results = await Promise.all(
    Array.from({ length: 20 }, () => completeCartWorkflow(t.container).run({ input: { id: cart.id }, transactionId: cart.id })),
  )

  const orderIds = await ordersOfCart(cart.id)
  expect(orderIds).toHaveLength(1)
  expect(new Set(results.map(({ result }) => result.id))).toEqual(new Set(orderIds))
  expect((await t.inventory.retrieveInventoryLevelByItemAndLocation(mug.inventoryItemId!, store.locationId)).reserved_quantity).toBe(2)
  expect((await placed.drain()).map((event) => event.data)).toEqual([{ id: orderIds[0] }])
})

test("20 concurrent completions of one cart in separate transactions: the cart's lock lets one place the order, the others answer with it", { timeout: 60_000 }, async () => {
  const mug = await seedProduct(t, store, { stock: 10 })
  const { cart, paymentCollectionId } = await seedCart(t, store, [{ product: mug, quantity: 3 }])
  await placed.clear()

  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      completeCartWorkflow(t.container).run({ input: { id: cart.id }, transactionId: `${cart.id}:request-${i}` }),
    ),
  )

  const orderIds = await ordersOfCart(cart.id)
  expect(orderIds).toHaveLength(1)
  expect(results.map(({ result }) => result.id)).toEqual(Array.from({ length: 20 }, () => orderIds[0]))
  const [{ count }] = (await t.rows<{ count: number }>(
    `select count(*)::int as count from "order" o join order_cart oc on oc.order_id = o.id where oc.cart_id = ?`,
    [cart.id],
  )) as [{ count: number }]
  expect(count).toBe(1)
  expect((await t.inventory.retrieveInventoryLevelByItemAndLocation(mug.inventoryItemId!, store.locationId)).reserved_quantity).toBe(3)
  expect(await t.payment.listPayments({ payment_collection_id: paymentCollectionId! })).toHaveLength(1)
  expect(await placed.drain()).toHaveLength(1)
  expect((await footprint(t)).locks).toBe(0)
})

test("20 carts competing for the last 5 units: 5 orders, 15 clean failures that leave nothing behind", { timeout: 60_000 }, async () => {
  const mug = await seedProduct(t, store, { stock: 5 })
  const seeded: SeededCart[] = []
  for (let i = 0; i < 20; i++) seeded.push(await seedCart(t, store, [{ product: mug, quantity: 1 }], { email: `buyer-${i}@example.com` }))
  const carts = seeded.map(({ cart }) => cart)
  await placed.drain()
  await placed.clear()
  const before = await footprint(t)

  const outcomes = await Promise.allSettled(
    carts.map((cart) => completeCartWorkflow(t.container).run({ input: { id: cart.id }, transactionId: cart.id })),
  )

  const won = outcomes.flatMap((outcome, i) => (outcome.status === "fulfilled" ? [{ cart: carts[i]!, orderId: outcome.value.result.id }] : []))
  const lost = outcomes.flatMap((outcome, i) => (outcome.status === "rejected" ? [{ ...seeded[i]!, error: outcome.reason as Error }] : []))
  expect(won).toHaveLength(5)
  expect(lost).toHaveLength(15)
  for (const { error } of lost) {
    const cause = error.cause as AgoraError
    expect(cause).toBeInstanceOf(AgoraError)
    expect({ type: cause.type, code: cause.code }).toEqual({ type: "not_allowed", code: "insufficient_inventory" })
    expect(cause.message).toMatch(new RegExp(`^(Some variant does not have the required inventory|Not enough stock available for item ${mug.inventoryItemId})`))
  }

  const level = await t.inventory.retrieveInventoryLevelByItemAndLocation(mug.inventoryItemId!, store.locationId)
  expect({ stocked: level.stocked_quantity, reserved: level.reserved_quantity }).toEqual({ stocked: 5, reserved: 5 })
  const after = await footprint(t)
  expect(after).toEqual({
    ...before,
    orders: before.orders! + 5,
    order_lines: before.order_lines! + 5,
    order_addresses: before.order_addresses! + 10,
    order_shipping_methods: before.order_shipping_methods! + 5,
    order_cart_links: before.order_cart_links! + 5,
    order_payment_links: before.order_payment_links! + 5,
    reservations: before.reservations! + 5,
    reserved_units: before.reserved_units! + 5,
    open_payments: before.open_payments! + 5,
    authorized_sessions: before.authorized_sessions! + 5,
    completed_carts: before.completed_carts! + 5,
  })
  for (const { cart, paymentCollectionId, sessionId } of lost) {
    expect(await ordersOfCart(cart.id)).toEqual([])
    expect((await t.carts.retrieveCart(cart.id)).completed_at).toBeNull()
    expect(await t.payment.listPayments({ payment_collection_id: paymentCollectionId! })).toEqual([])
    // Never sent to the provider: the session can still be authorized when stock comes back.
    expect((await t.payment.retrievePaymentSession(sessionId!)).status).toBe("pending")
  }
  const events = await placed.drain()
  expect(events.map((event) => (event.data as { id: string }).id).sort()).toEqual(won.map(({ orderId }) => orderId).sort())
})
