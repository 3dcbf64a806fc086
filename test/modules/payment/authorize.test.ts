import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { rejection, SCRIPTED_PROVIDER_ID, startPaymentApp } from "./payment-app.ts"
import type { PaymentApp } from "./payment-app.ts"

let t: PaymentApp
beforeAll(async () => {
  t = await startPaymentApp()
})
afterAll(() => t.close())

async function sessionFor(amount: string, data: Record<string, unknown> = {}, provider_id = SCRIPTED_PROVIDER_ID) {
  const collection = await t.payment.createPaymentCollections({ currency_code: "usd", amount })
  const session = await t.payment.createPaymentSession(collection.id, { provider_id, data })
  return { collection, session }
}

describe("authorizePaymentSession", () => {
  test("the system provider authorizes: a payment is made and the collection is authorized for its amount", async () => {
    const { collection, session } = await sessionFor("25.5", {}, "pp_system_default")

    const payment = await t.payment.authorizePaymentSession(session.id, { customer_id: "cus_1" })

    expect(payment.id).toMatch(/^pay_[0-9A-Z]{26}$/)
    expect(payment).toMatchObject({
      amount: "25.5",
      currency_code: "usd",
      provider_id: "pp_system_default",
      payment_collection_id: collection.id,
      payment_session_id: session.id,
      captured_at: null,
      canceled_at: null,
      data: {},
    })
    // Answered from what was written: the payment as a later read gives it.
    expect(payment).toEqual(await t.payment.retrievePayment(payment.id))
    const stored = await t.payment.retrievePaymentSession(session.id)
    expect(stored.status).toBe("authorized")
    expect(stored.authorized_at).toBeInstanceOf(Date)
    expect(await t.payment.retrievePaymentCollection(collection.id)).toMatchObject({
      status: "authorized",
      authorized_amount: "25.5",
      captured_amount: "0",
    })
  })

  test("the provider receives the caller's context and its data goes onto the payment", async () => {
    const { session } = await sessionFor("5")
    const payment = await t.payment.authorizePaymentSession(session.id, { ip: "127.0.0.1" })
    expect(payment.data).toMatchObject({ reference: `ref_${session.id}`, authorized_context: { ip: "127.0.0.1" } })
  })

  test("authorizing again returns the same payment and makes no second one", async () => {
    const { collection, session } = await sessionFor("12")

    const first = await t.payment.authorizePaymentSession(session.id)
    const again = await t.payment.authorizePaymentSession(session.id)

    expect(again.id).toBe(first.id)
    expect(await t.payment.listPayments({ payment_collection_id: collection.id })).toHaveLength(1)
  })

  test("concurrent authorizations of one session make one payment", async () => {
    const { collection, session } = await sessionFor("12")

    const payments = await Promise.all([1, 2, 3].map(() => t.payment.authorizePaymentSession(session.id)))

    expect(new Set(payments.map((p) => p.id)).size).toBe(1)
    expect(await t.payment.listPayments({ payment_collection_id: collection.id })).toHaveLength(1)
  })

  test("a session for part of the collection leaves it partially authorized", async () => {
    const collection = await t.payment.createPaymentCollections({ currency_code: "usd", amount: "100" })
    const session = await t.payment.createPaymentSession(collection.id, { provider_id: "pp_system_default", amount: "40.01" })

    await t.payment.authorizePaymentSession(session.id)

    expect(await t.payment.retrievePaymentCollection(collection.id)).toMatchObject({
      status: "partially_authorized",
      authorized_amount: "40.01",
    })
  })

  test("a provider that needs more keeps the session open with that status and fails with its code", async () => {
    const { collection, session } = await sessionFor("30", { authorize: "requires_more" })

    const error = await rejection(t.payment.authorizePaymentSession(session.id))

    expect(error.type).toBe(AgoraError.Types.NOT_ALLOWED)
    expect(error.code).toBe("payment_requires_more_error")
    expect(error.message).toBe(`Payment session ${session.id} was not authorized by ${SCRIPTED_PROVIDER_ID}: its status is requires_more`)
    expect((await t.payment.retrievePaymentSession(session.id)).status).toBe("requires_more")
    expect(await t.payment.listPayments({ payment_collection_id: collection.id })).toEqual([])
    expect((await t.payment.retrievePaymentCollection(collection.id)).status).toBe("awaiting")
  })

  test("a declined authorization fails with payment_authorization_error", async () => {
    const { session } = await sessionFor("30", { authorize: "error" })

    const error = await rejection(t.payment.authorizePaymentSession(session.id))

    expect([error.type, error.code]).toEqual([AgoraError.Types.NOT_ALLOWED, "payment_authorization_error"])
    expect((await t.payment.retrievePaymentSession(session.id)).status).toBe("error")
  })

  test("a provider that throws leaves the session pending and makes no payment", async () => {
    const { collection, session } = await sessionFor("30", { fail: "authorize" })

    await expect(t.payment.authorizePaymentSession(session.id)).rejects.toThrow("scripted provider: authorize failed")

    expect((await t.payment.retrievePaymentSession(session.id)).status).toBe("pending")
    expect(await t.payment.listPayments({ payment_collection_id: collection.id })).toEqual([])
  })

  test("a provider that captures on authorization: the payment is captured in full and the collection completed", async () => {
    const { collection, session } = await sessionFor("19.99", { authorize: "captured" })

    const payment = await t.payment.authorizePaymentSession(session.id)

    expect(payment).toEqual(await t.payment.retrievePayment(payment.id))
    expect(payment.captured_at).toBeInstanceOf(Date)
    expect((await t.payment.listCaptures({ payment_id: payment.id })).map((c) => c.amount)).toEqual(["19.99"])
    const stored = await t.payment.retrievePaymentCollection(collection.id)
    expect(stored).toMatchObject({ status: "completed", authorized_amount: "19.99", captured_amount: "19.99" })
    expect(stored.completed_at).toBeInstanceOf(Date)
  })

  test("an unknown session is not found, naming it", async () => {
    const error = await rejection(t.payment.authorizePaymentSession("payses_missing"))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(error.message).toContain("payses_missing")
  })
})
