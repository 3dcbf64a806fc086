import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { rejection, startPaymentApp } from "./payment-app.ts"
import type { PaymentApp } from "./payment-app.ts"

let t: PaymentApp
beforeAll(async () => {
  t = await startPaymentApp()
})
afterAll(() => t.close())

describe("payment collections (generated CRUD)", () => {
  test("a new collection is not paid, with zero totals and its exact amount", async () => {
    const collection = await t.payment.createPaymentCollections({ currency_code: "usd", amount: "1234567890.123456789" })

    expect(collection.id).toMatch(/^pay_col_[0-9A-Z]{26}$/)
    expect(collection).toMatchObject({
      currency_code: "usd",
      amount: "1234567890.123456789",
      authorized_amount: "0",
      captured_amount: "0",
      refunded_amount: "0",
      status: "not_paid",
      completed_at: null,
      metadata: null,
    })
    expect(await t.payment.retrievePaymentCollection(collection.id)).toEqual(collection)
  })

  test("a number amount is stored exactly and read back as a decimal string", async () => {
    const collection = await t.payment.createPaymentCollections({ currency_code: "eur", amount: 10.5 })
    expect((await t.payment.retrievePaymentCollection(collection.id)).amount).toBe("10.5")
  })

  test("lists filter by status and currency; update and delete work by id", async () => {
    const [a, b] = await t.payment.createPaymentCollections([
      { currency_code: "dkk", amount: 1, metadata: { cart_id: "cart_1" } },
      { currency_code: "dkk", amount: 2 },
    ])
    await t.payment.updatePaymentCollections({ id: b!.id, amount: "2.25", metadata: { note: "edited" } })

    const listed = await t.payment.listPaymentCollections({ currency_code: "dkk" }, { order: { amount: "DESC" } })
    expect(listed.map((c) => [c.id, c.amount, c.metadata])).toEqual([
      [b!.id, "2.25", { note: "edited" }],
      [a!.id, "1", { cart_id: "cart_1" }],
    ])
    const [rows, count] = await t.payment.listAndCountPaymentCollections({ currency_code: "dkk", status: "not_paid" }, { take: 1 })
    expect([rows.length, count]).toEqual([1, 2])

    await t.payment.deletePaymentCollections(a!.id)
    const error = await rejection(t.payment.retrievePaymentCollection(a!.id))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(error.message).toContain(a!.id)
  })

  test("a collection without an amount is refused, naming the field", async () => {
    const input = { currency_code: "usd" } as unknown as { currency_code: string; amount: number }
    const error = await rejection(t.payment.createPaymentCollections(input))
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toContain("amount")
  })

  test("a retrieve loads sessions, payments, captures and refunds on request", async () => {
    const collection = await t.payment.createPaymentCollections({ currency_code: "usd", amount: 30 })
    const session = await t.payment.createPaymentSession(collection.id, { provider_id: "pp_system_default" })
    const payment = await t.payment.authorizePaymentSession(session.id)
    await t.payment.capturePayment({ payment_id: payment.id, amount: 20 })
    await t.payment.refundPayment({ payment_id: payment.id, amount: 5, note: "damaged" })

    const loaded = await t.payment.retrievePaymentCollection(collection.id, {
      relations: ["payment_sessions", "payments", "payments.captures", "payments.refunds"],
    })

    expect(loaded.payment_sessions?.map((s) => [s.id, s.status])).toEqual([[session.id, "authorized"]])
    expect(loaded.payments?.map((p) => p.id)).toEqual([payment.id])
    expect(loaded.payments?.[0]?.captures?.map((c) => c.amount)).toEqual(["20"])
    expect(loaded.payments?.[0]?.refunds?.map((r) => [r.amount, r.note])).toEqual([["5", "damaged"]])
  })
})
