import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { createPaymentCollectionForCartWorkflow, createPaymentSessionsWorkflow } from "../../../src/workflows/cart/index.ts"
import type { CreatePaymentSessionsWorkflowInput } from "../../../src/workflows/cart/index.ts"
import { failureMessage, scopeFailing, startCommerceApp, workflowFailure } from "./app.ts"
import type { CommerceApp } from "./app.ts"
import { markCompleted, newCart } from "./carts.ts"
import { SYSTEM_PAYMENT_PROVIDER, seedStore } from "./seed.ts"
import type { SeededStore } from "./seed.ts"

let t: CommerceApp
let s: SeededStore

beforeAll(async () => {
  t = await startCommerceApp()
  s = await seedStore(t)
})
afterAll(() => t.close())

const startSession = (input: CreatePaymentSessionsWorkflowInput, container = t.container) =>
  createPaymentSessionsWorkflow(container).run({ input })

/** A cart of the seeded store with its payment collection. */
async function cartWithCollection(input: Parameters<typeof newCart>[2] = {}) {
  const cart = await newCart(t, s, input)
  const { result: collection } = await createPaymentCollectionForCartWorkflow(t.container).run({ input: { cart_id: cart.id } })
  return { cart, collection }
}

const sessionsOf = (collectionId: string) =>
  t.rows<{ id: string; provider_id: string; amount: string; status: string; data: unknown; context: unknown }>(
    `select id, provider_id, amount::text as amount, status, data, context from payment_session
     where payment_collection_id = ? and deleted_at is null order by created_at, id`,
    [collectionId],
  )

describe("createPaymentSessionsWorkflow", () => {
  test("opens a session with a provider of the cart's region for the collection's amount, with the cart's customer in its context", async () => {
    const { cart, collection } = await cartWithCollection()

    const { result: session } = await startSession({
      payment_collection_id: collection.id,
      provider_id: SYSTEM_PAYMENT_PROVIDER,
      context: { locale: "en" },
    })

    expect(session).toMatchObject({ provider_id: SYSTEM_PAYMENT_PROVIDER, amount: "20", currency_code: "usd", status: "pending" })
    expect(await sessionsOf(collection.id)).toEqual([
      expect.objectContaining({
        id: session.id,
        status: "pending",
        context: { locale: "en", cart_id: cart.id, email: "shopper@example.com", customer: { id: cart.customer_id } },
      }),
    ])
  })

  test("a new session replaces the collection's earlier ones", async () => {
    const { collection } = await cartWithCollection()
    const { result: first } = await startSession({ payment_collection_id: collection.id, provider_id: SYSTEM_PAYMENT_PROVIDER })
    const { result: second } = await startSession({ payment_collection_id: collection.id, provider_id: SYSTEM_PAYMENT_PROVIDER })
    expect((await sessionsOf(collection.id)).map((session) => session.id)).toEqual([second.id])
    expect(second.id).not.toBe(first.id)
  })

  test("refuses a provider the region does not offer, an unknown collection, a completed cart", async () => {
    const { cart, collection } = await cartWithCollection()
    expect(await workflowFailure(startSession({ payment_collection_id: collection.id, provider_id: "pp_stripe_default" }))).toMatchObject({
      type: "invalid_data",
      message: `Payment provider pp_stripe_default is not available in region ${s.regions.usd.id}`,
    })
    expect(await workflowFailure(startSession({ payment_collection_id: "pay_col_missing", provider_id: SYSTEM_PAYMENT_PROVIDER }))).toMatchObject({
      type: "not_found",
      message: "Payment collection with id: pay_col_missing was not found",
    })
    await markCompleted(t, cart.id)
    expect(await workflowFailure(startSession({ payment_collection_id: collection.id, provider_id: SYSTEM_PAYMENT_PROVIDER }))).toMatchObject({
      type: "invalid_data",
      message: `Cart ${cart.id} is already completed.`,
    })
    expect(await sessionsOf(collection.id)).toEqual([])
  })

  describe("leaves nothing behind", () => {
    test("when the provider cannot open the session: the earlier session stays", async () => {
      const { collection } = await cartWithCollection()
      await startSession({ payment_collection_id: collection.id, provider_id: SYSTEM_PAYMENT_PROVIDER })
      const before = await sessionsOf(collection.id)
      const scope = scopeFailing(t, "payment", "createPaymentSession")
      expect(await failureMessage(startSession({ payment_collection_id: collection.id, provider_id: SYSTEM_PAYMENT_PROVIDER }, scope))).toContain(
        "payment.createPaymentSession is down",
      )
      expect(await sessionsOf(collection.id)).toEqual(before)
    })

    test("when an earlier session cannot be deleted: the new session is deleted and the earlier ones are all there", async () => {
      const { collection } = await cartWithCollection()
      // Two earlier sessions, opened past the workflow: the second one's deletion fails after the first one's succeeded.
      const first = await t.payment.createPaymentSession(collection.id, { provider_id: SYSTEM_PAYMENT_PROVIDER, data: { n: 1 } })
      const second = await t.payment.createPaymentSession(collection.id, { provider_id: SYSTEM_PAYMENT_PROVIDER, data: { n: 2 } })
      const scope = scopeFailing(t, "payment", "deletePaymentSession", { when: (id) => id === second.id })

      expect(await failureMessage(startSession({ payment_collection_id: collection.id, provider_id: SYSTEM_PAYMENT_PROVIDER }, scope))).toContain(
        "payment.deletePaymentSession is down",
      )

      const after = await sessionsOf(collection.id)
      expect(after.map((session) => [session.provider_id, session.amount, session.status, session.data])).toEqual([
        [SYSTEM_PAYMENT_PROVIDER, "20", "pending", { n: 2 }],
        [SYSTEM_PAYMENT_PROVIDER, "20", "pending", { n: 1 }],
      ])
      expect(after.map((session) => session.id)).toContain(second.id)
      expect(after.map((session) => session.id)).not.toContain(first.id)
    })
  })
})
