import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { rejection, SCRIPTED_PROVIDER_ID, startPaymentApp } from "./payment-app.ts"
import type { PaymentApp } from "./payment-app.ts"

let t: PaymentApp
beforeAll(async () => {
  t = await startPaymentApp()
})
afterAll(() => t.close())

const collection = (amount: string | number = 50, currency_code = "usd") =>
  t.payment.createPaymentCollections({ currency_code, amount })

describe("createPaymentSession", () => {
  test("with the system provider: a pending session for the collection's amount, and the collection awaits payment", async () => {
    const { id } = await collection("49.99")

    const session = await t.payment.createPaymentSession(id, { provider_id: "pp_system_default", context: { customer_id: "cus_1" } })

    expect(session.id).toMatch(/^payses_/)
    expect(session).toMatchObject({
      payment_collection_id: id,
      provider_id: "pp_system_default",
      amount: "49.99",
      currency_code: "usd",
      status: "pending",
      data: {},
      context: { customer_id: "cus_1" },
      authorized_at: null,
    })
    expect(session).toEqual(await t.payment.retrievePaymentSession(session.id)) // answered as written, not read back
    expect(await t.payment.retrievePaymentCollection(id)).toMatchObject({ status: "awaiting", authorized_amount: "0" })
  })

  test("the provider gets the exact amount and the session id, and its data is stored on the session", async () => {
    const { id } = await collection()

    const session = await t.payment.createPaymentSession(id, {
      provider_id: SCRIPTED_PROVIDER_ID,
      amount: "0.1",
      data: { customer_note: "ring twice" },
    })

    expect(session.amount).toBe("0.1")
    expect(session.data).toEqual({ customer_note: "ring twice", reference: `ref_${session.id}`, initiated_with: "0.1" })
  })

  test("an unknown provider is not found, naming it, and no session is left", async () => {
    const { id } = await collection()

    const error = await rejection(t.payment.createPaymentSession(id, { provider_id: "pp_stripe_missing" }))

    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(error.message).toBe("Payment provider with id: pp_stripe_missing was not found")
    expect(await t.payment.listPaymentSessions({ payment_collection_id: id })).toEqual([])
  })

  test("an unknown collection is not found, naming it", async () => {
    const error = await rejection(t.payment.createPaymentSession("pay_col_missing", { provider_id: "pp_system_default" }))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(error.message).toContain("pay_col_missing")
  })

  test("a missing provider_id, a negative amount or another currency are invalid, naming the field", async () => {
    const { id } = await collection(10, "eur")

    const noProvider = await rejection(t.payment.createPaymentSession(id, { provider_id: "" }))
    expect([noProvider.type, noProvider.message]).toEqual([AgoraError.Types.INVALID_DATA, "provider_id is required to create a payment session"])

    const negative = await rejection(t.payment.createPaymentSession(id, { provider_id: "pp_system_default", amount: -1 }))
    expect(negative.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(negative.message).toBe("amount must be a non-negative amount, got -1")

    const currency = await rejection(t.payment.createPaymentSession(id, { provider_id: "pp_system_default", currency_code: "usd" }))
    expect(currency.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(currency.message).toBe(`currency_code usd does not match the currency eur of payment collection ${id}`)
  })

  test("a provider that fails to initiate leaves no session behind and the collection unpaid", async () => {
    const { id } = await collection()

    await expect(
      t.payment.createPaymentSession(id, { provider_id: SCRIPTED_PROVIDER_ID, data: { fail: "initiate" } }),
    ).rejects.toThrow("scripted provider: initiate failed")

    expect(await t.payment.listPaymentSessions({ payment_collection_id: id })).toEqual([])
    expect((await t.payment.retrievePaymentCollection(id)).status).toBe("not_paid")
  })
})

describe("deletePaymentSession", () => {
  test("deletes a pending session; the collection is not paid again", async () => {
    const { id } = await collection()
    const session = await t.payment.createPaymentSession(id, { provider_id: SCRIPTED_PROVIDER_ID })

    await t.payment.deletePaymentSession(session.id)

    expect(await t.payment.listPaymentSessions({ payment_collection_id: id })).toEqual([])
    expect((await t.payment.retrievePaymentCollection(id)).status).toBe("not_paid")
  })

  test("an authorized session cannot be deleted", async () => {
    const { id } = await collection()
    const session = await t.payment.createPaymentSession(id, { provider_id: "pp_system_default" })
    const payment = await t.payment.authorizePaymentSession(session.id)

    const error = await rejection(t.payment.deletePaymentSession(session.id))

    expect(error.type).toBe(AgoraError.Types.NOT_ALLOWED)
    expect(error.message).toBe(`Payment session ${session.id} was authorized (payment ${payment.id}) and cannot be deleted`)
    expect(await t.payment.retrievePayment(payment.id)).toMatchObject({ payment_session_id: session.id })
  })

  test("an unknown session is not found, naming it", async () => {
    const error = await rejection(t.payment.deletePaymentSession("payses_missing"))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(error.message).toContain("payses_missing")
  })
})
