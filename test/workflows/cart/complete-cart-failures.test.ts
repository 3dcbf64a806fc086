import type { AwilixContainer } from "awilix"
import { afterAll, beforeAll, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { completeCartWorkflow } from "../../../src/workflows/cart/workflows/complete-cart.ts"
import { OrderEvents } from "../../../src/workflows/order/events.ts"
import {
  failingScope,
  failureMessage,
  footprint,
  recordEvents,
  SCRIPTED_PROVIDER,
  startCheckoutApp,
  workflowFailure,
} from "../order/checkout-app.ts"
import type { CheckoutApp } from "../order/checkout-app.ts"
import { seedCart, seedProduct, seedStore } from "../order/seed.ts"
import type { SeededCart, SeededProduct, SeededStore } from "../order/seed.ts"

let t: CheckoutApp
let store: SeededStore
let mug: SeededProduct
let placed: Awaited<ReturnType<typeof recordEvents>>
beforeAll(async () => {
  t = await startCheckoutApp()
  store = await seedStore(t)
  mug = await seedProduct(t, store, { stock: 100 })
  placed = await recordEvents(t, [OrderEvents.PLACED])
})
afterAll(() => t.close())

const run = (container: AwilixContainer, cartId: string) =>
  completeCartWorkflow(container).run({ input: { id: cartId }, transactionId: `${cartId}:${Math.random()}` })

/** Runs a completion that must fail, and checks it left nothing behind: no order, stock, payment, link, lock or event. */
async function expectNothingLeft(seeded: SeededCart, attempt: () => Promise<unknown>): Promise<unknown> {
  await placed.drain()
  await placed.clear()
  const before = await footprint(t)
  const outcome = await attempt()
  expect(await footprint(t)).toEqual(before)
  expect((await t.carts.retrieveCart(seeded.cart.id)).completed_at).toBeNull()
  expect((await t.query.graph({ entity: "order_cart", filters: { cart_id: seeded.cart.id } })).data).toEqual([])
  expect(await placed.drain()).toEqual([])
  return outcome
}

test("the lock is held by another completion: refused with conflict, nothing written", async () => {
  const seeded = await seedCart(t, store, [{ product: mug, quantity: 1 }])
  const scope = failingScope(t, "locking", "acquire", {
    error: new AgoraError(AgoraError.Types.CONFLICT, `Lock "${seeded.cart.id}" is held by another owner: not acquired within 30s`),
  })

  const error = await expectNothingLeft(seeded, () => workflowFailure(run(scope, seeded.cart.id)))

  expect(error).toMatchObject({ type: "conflict", message: `Lock "${seeded.cart.id}" is held by another owner: not acquired within 30s` })
})

test("a completion waits for the cart's lock, then goes ahead", async () => {
  const seeded = await seedCart(t, store, [{ product: mug, quantity: 1 }])
  await t.locking.acquire(seeded.cart.id, { ownerId: "add-to-cart:elsewhere" })
  setTimeout(() => void t.locking.release(seeded.cart.id, { ownerId: "add-to-cart:elsewhere" }), 300)

  const { result } = await run(t.container, seeded.cart.id)

  expect(result.id).toMatch(/^order_/)
  expect(await t.locking.ownerOf(seeded.cart.id)).toBeUndefined()
})

test("creating the order fails: nothing left, and the cart can be completed once the cause is gone", async () => {
  const seeded = await seedCart(t, store, [{ product: mug, quantity: 2 }])

  const message = await expectNothingLeft(seeded, () => failureMessage(run(failingScope(t, "order", "createOrders"), seeded.cart.id)))
  expect(message).toBe('Workflow "complete-cart" failed at step "create-order-from-cart-step": order.createOrders is down')

  const { result } = await run(t.container, seeded.cart.id)
  expect((await t.orders.retrieveOrder(result.id)).items[0]!.quantity).toBe(2)
})

test("linking the order to the cart fails: the order is deleted", async () => {
  const seeded = await seedCart(t, store, [{ product: mug, quantity: 1 }])
  const scope = failingScope(t, "link", "create", { when: (links) => JSON.stringify(links).includes('"cart_id"') })

  const message = await expectNothingLeft(seeded, () => failureMessage(run(scope, seeded.cart.id)))
  expect(message).toBe('Workflow "complete-cart" failed at step "link-order-cart": link.create is down')
})

test("reserving the stock fails: the order and its link go", async () => {
  const seeded = await seedCart(t, store, [{ product: mug, quantity: 1 }])

  const message = await expectNothingLeft(seeded, () => failureMessage(run(failingScope(t, "inventory", "reserve"), seeded.cart.id)))
  expect(message).toBe('Workflow "complete-cart" failed at step "reserve-inventory-step": inventory.reserve is down')
})

test("the payment provider refuses the authorization: no order, no reservation, no payment", async () => {
  const seeded = await seedCart(t, store, [{ product: mug, quantity: 1 }], { provider: SCRIPTED_PROVIDER, sessionData: { authorize: "error" } })

  const error = await expectNothingLeft(seeded, () => workflowFailure(run(t.container, seeded.cart.id)))

  expect(error).toMatchObject({
    type: "not_allowed",
    code: "payment_authorization_error",
    message: `Payment session ${seeded.sessionId} was not authorized by ${SCRIPTED_PROVIDER}: its status is error`,
  })
  expect(await t.payment.listPayments({ payment_collection_id: seeded.paymentCollectionId! })).toEqual([])
})

test("the payment provider needs more from the customer: refused with payment_requires_more_error", async () => {
  const seeded = await seedCart(t, store, [{ product: mug, quantity: 1 }], {
    provider: SCRIPTED_PROVIDER,
    sessionData: { authorize: "requires_more" },
  })

  const error = await expectNothingLeft(seeded, () => workflowFailure(run(t.container, seeded.cart.id)))

  expect(error).toMatchObject({ type: "not_allowed", code: "payment_requires_more_error" })
})

test("the payment provider is unreachable: nothing left", async () => {
  const seeded = await seedCart(t, store, [{ product: mug, quantity: 1 }], { provider: SCRIPTED_PROVIDER, sessionData: { fail: "authorize" } })

  const message = await expectNothingLeft(seeded, () => failureMessage(run(t.container, seeded.cart.id)))

  expect(message).toBe('Workflow "complete-cart" failed at step "authorize-payment-session-step": scripted provider: authorize failed')
})

/** Failures after the payment was authorized: the compensation cancels it with the provider. */
async function expectPaymentCanceled(seeded: SeededCart): Promise<void> {
  const payments = await t.payment.listPayments({ payment_collection_id: seeded.paymentCollectionId! })
  expect(payments).toHaveLength(1)
  expect(payments[0]!.canceled_at).toBeInstanceOf(Date)
  expect(payments[0]!.data).toMatchObject({ canceled: true })
  expect((await t.payment.retrievePaymentCollection(seeded.paymentCollectionId!)).authorized_amount).toBe("0")
}

test("linking the payment collection fails: the payment is canceled with the provider, the rest undone", async () => {
  const seeded = await seedCart(t, store, [{ product: mug, quantity: 1 }], { provider: SCRIPTED_PROVIDER })
  const scope = failingScope(t, "link", "create", { when: (links) => JSON.stringify(links).includes('"payment_collection_id"') })

  const message = await expectNothingLeft(seeded, () => failureMessage(run(scope, seeded.cart.id)))

  expect(message).toBe('Workflow "complete-cart" failed at step "link-order-payment-collection": link.create is down')
  await expectPaymentCanceled(seeded)
})

test("marking the cart completed fails: everything before it is undone", async () => {
  const seeded = await seedCart(t, store, [{ product: mug, quantity: 1 }], { provider: SCRIPTED_PROVIDER })

  const message = await expectNothingLeft(seeded, () => failureMessage(run(failingScope(t, "cart", "markCompleted"), seeded.cart.id)))

  expect(message).toBe('Workflow "complete-cart" failed at step "complete-cart-record-step": cart.markCompleted is down')
  await expectPaymentCanceled(seeded)
})

test("announcing the order fails (the last writing step): the cart is open again and nothing is left", async () => {
  const seeded = await seedCart(t, store, [{ product: mug, quantity: 3 }], { provider: SCRIPTED_PROVIDER })

  const message = await expectNothingLeft(seeded, () => failureMessage(run(failingScope(t, "eventBus", "emit"), seeded.cart.id)))

  expect(message).toBe('Workflow "complete-cart" failed at step "emit-event-step": eventBus.emit is down')
  await expectPaymentCanceled(seeded)
})
