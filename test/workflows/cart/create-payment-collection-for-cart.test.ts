import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { createPaymentCollectionForCartWorkflow } from "../../../src/workflows/cart/index.ts"
import { cartFootprint, failureMessage, scopeFailing, startCommerceApp, workflowFailure } from "./app.ts"
import type { CommerceApp } from "./app.ts"
import { markCompleted, newCart } from "./carts.ts"
import { seedStore } from "./seed.ts"
import type { SeededStore } from "./seed.ts"

let t: CommerceApp
let s: SeededStore

beforeAll(async () => {
  t = await startCommerceApp()
  s = await seedStore(t)
})
afterAll(() => t.close())

const createFor = (cartId: string, container = t.container) =>
  createPaymentCollectionForCartWorkflow(container).run({ input: { cart_id: cartId } })

describe("createPaymentCollectionForCartWorkflow", () => {
  test("opens a collection for the cart's total in its currency, linked to the cart", async () => {
    const cart = await newCart(t, s, { items: [{ variant_id: s.product.variants.medium.id, quantity: 3 }] })

    const { result: collection } = await createFor(cart.id)

    expect(collection).toMatchObject({ currency_code: "usd", amount: "75", status: "not_paid" })
    const { data } = await t.query.graph({ entity: "cart", fields: ["payment_collection.id", "payment_collection.amount"], filters: { id: cart.id } })
    expect(data).toEqual([{ id: cart.id, payment_collection: { id: collection.id, amount: "75" } }])
  })

  test("refuses a second collection, and a completed cart", async () => {
    const cart = await newCart(t, s)
    const { result: first } = await createFor(cart.id)
    expect(await workflowFailure(createFor(cart.id))).toMatchObject({
      type: "invalid_data",
      message: `Cart ${cart.id} already has a payment collection (${first.id})`,
    })

    const done = await newCart(t, s)
    await markCompleted(t, done.id)
    expect(await workflowFailure(createFor(done.id))).toMatchObject({ type: "invalid_data", message: `Cart ${done.id} is already completed.` })
  })

  describe("leaves nothing behind", () => {
    test("when the collection cannot be created", async () => {
      const cart = await newCart(t, s)
      const before = await cartFootprint(t)
      expect(await failureMessage(createFor(cart.id, scopeFailing(t, "payment", "createPaymentCollections")))).toContain(
        "payment.createPaymentCollections is down",
      )
      expect(await cartFootprint(t)).toEqual(before)
    })

    test("when the collection cannot be linked to the cart: it is deleted", async () => {
      const cart = await newCart(t, s)
      const before = await cartFootprint(t)
      expect(await failureMessage(createFor(cart.id, scopeFailing(t, "link", "create")))).toContain("link.create is down")
      expect(await cartFootprint(t)).toEqual(before)
      expect(await t.rows(`select id from payment_collection where id not in (select payment_collection_id from cart_payment_collection)`)).toEqual([])
    })
  })
})
