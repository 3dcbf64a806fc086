import { afterAll, beforeAll, expect, test } from "vitest"
import { CartEvents } from "../../../src/workflows/cart/events.ts"
import { createCartWorkflow } from "../../../src/workflows/cart/workflows/create-cart.ts"
import { transferCartCustomerWorkflow } from "../../../src/workflows/cart/workflows/transfer-cart-customer.ts"
import { cartFootprint, failureMessage, recordEvents, scopeFailing, startCommerceApp, workflowFailure } from "./app.ts"
import type { CommerceApp } from "./app.ts"
import { seedStore } from "./seed.ts"
import type { SeededStore } from "./seed.ts"

let t: CommerceApp
let store: SeededStore
let transferred: Awaited<ReturnType<typeof recordEvents>>
beforeAll(async () => {
  t = await startCommerceApp()
  store = await seedStore(t)
  transferred = await recordEvents(t, [CartEvents.CUSTOMER_TRANSFERRED])
})
afterAll(() => t?.close())

let counter = 0
const registered = () => t.customers.createCustomers({ email: `member-${++counter}@example.com`, has_account: true })
const newCart = async (input: { email?: string; customer_id?: string } = {}) =>
  (await createCartWorkflow(t.container).run({ input: { region_id: store.regions.usd.id, ...input } })).result
const transfer = (id: string, customer_id: string, container = t.container) =>
  transferCartCustomerWorkflow(container).run({ input: { id, customer_id } })

test("a guest's cart takes the customer and the customer's email; announced once", async () => {
  const ada = await registered()
  const cart = await newCart({ email: "guest@example.com" })
  await transferred.clear()
  const { result } = await transfer(cart.id, ada.id)
  expect(result).toMatchObject({ id: cart.id, customer_id: ada.id, email: ada.email })
  expect((await transferred.drain()).map((event) => event.data)).toEqual([{ id: cart.id, customer_id: ada.id }])

  await transferred.clear()
  await transfer(cart.id, ada.id)
  expect(await transferred.drain()).toEqual([])
})

test("another registered customer's cart, an unknown customer or cart are refused, nothing changed", async () => {
  const ada = await registered()
  const grace = await registered()
  const cart = await newCart({ customer_id: grace.id })
  const before = await cartFootprint(t)
  expect(await workflowFailure(transfer(cart.id, ada.id))).toMatchObject({
    type: "not_allowed",
    message: "Cannot transfer cart to another customer account.",
  })
  expect(await workflowFailure(transfer(cart.id, "cus_missing"))).toMatchObject({ type: "not_found" })
  expect(await workflowFailure(transfer("cart_missing", ada.id))).toMatchObject({ type: "not_found" })
  expect(await cartFootprint(t)).toEqual(before)
  expect((await t.carts.listCarts({ id: cart.id }))[0]!.customer_id).toBe(grace.id)
})

test("a failure after the change gives the cart back to its guest", async () => {
  const ada = await registered()
  const cart = await newCart({ email: "guest@example.com" })
  const message = await failureMessage(transfer(cart.id, ada.id, scopeFailing(t, "eventBus", "emit")))
  expect(message).toContain("eventBus.emit is down")
  const [after] = await t.carts.listCarts({ id: cart.id })
  expect(after).toMatchObject({ customer_id: cart.customer_id, email: "guest@example.com" })
  // The lock was given back: the cart can be transferred now.
  expect((await transfer(cart.id, ada.id)).result.customer_id).toBe(ada.id)
})
