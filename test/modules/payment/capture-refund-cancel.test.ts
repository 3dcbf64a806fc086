import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { rejection, SCRIPTED_PROVIDER_ID, startPaymentApp } from "./payment-app.ts"
import type { PaymentApp } from "./payment-app.ts"

let t: PaymentApp
beforeAll(async () => {
  t = await startPaymentApp()
})
afterAll(() => t.close())

async function authorized(amount: string, data: Record<string, unknown> = {}) {
  const collection = await t.payment.createPaymentCollections({ currency_code: "usd", amount })
  const session = await t.payment.createPaymentSession(collection.id, { provider_id: SCRIPTED_PROVIDER_ID, data })
  const payment = await t.payment.authorizePaymentSession(session.id)
  return { collection, session, payment }
}

const collectionOf = (id: string) => t.payment.retrievePaymentCollection(id)

describe("capturePayment", () => {
  test("partial captures add up exactly; the last one marks the payment captured and the collection completed", async () => {
    const { collection, payment } = await authorized("0.3")

    const first = await t.payment.capturePayment({ payment_id: payment.id, amount: 0.1, created_by: "user_1" })
    expect(first.captured_at).toBeNull()
    expect(first.captures?.map((c) => [c.amount, c.created_by])).toEqual([["0.1", "user_1"]])
    expect(await collectionOf(collection.id)).toMatchObject({ status: "authorized", captured_amount: "0.1" })

    const second = await t.payment.capturePayment({ payment_id: payment.id, amount: "0.2" })
    expect(second.captured_at).toBeInstanceOf(Date)
    expect(second.captures?.map((c) => c.amount).sort()).toEqual(["0.1", "0.2"])
    expect(second.data).toMatchObject({ captured: ["0.1", "0.2"] })
    expect(await collectionOf(collection.id)).toMatchObject({ status: "completed", captured_amount: "0.3" })
  })

  test("without an amount, what is left is captured; capturing again then changes nothing", async () => {
    const { payment } = await authorized("80")
    await t.payment.capturePayment({ payment_id: payment.id, amount: 30 })

    const rest = await t.payment.capturePayment({ payment_id: payment.id })
    expect(rest.captures?.map((c) => c.amount).sort()).toEqual(["30", "50"])

    const again = await t.payment.capturePayment({ payment_id: payment.id })
    expect(again.captures).toHaveLength(2)
  })

  test("more than the authorized amount minus what is captured is refused, and nothing is recorded", async () => {
    const { collection, payment } = await authorized("10")
    await t.payment.capturePayment({ payment_id: payment.id, amount: "6" })

    const error = await rejection(t.payment.capturePayment({ payment_id: payment.id, amount: "4.01" }))

    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toBe(`amount 4.01 cannot be captured from payment ${payment.id}: 4 of the authorized 10 is left to capture`)
    expect(await t.payment.listCaptures({ payment_id: payment.id })).toHaveLength(1)
    expect((await collectionOf(collection.id)).captured_amount).toBe("6")
  })

  test("a zero or negative amount is invalid, naming the field", async () => {
    const { payment } = await authorized("10")
    for (const amount of [0, "-1"]) {
      const error = await rejection(t.payment.capturePayment({ payment_id: payment.id, amount }))
      expect([error.type, error.message]).toEqual([AgoraError.Types.INVALID_DATA, `amount must be greater than 0, got ${amount}`])
    }
  })

  test("concurrent captures never exceed the authorized amount", async () => {
    const { payment } = await authorized("10")

    const results = await Promise.allSettled([1, 2, 3, 4, 5].map(() => t.payment.capturePayment({ payment_id: payment.id, amount: 3 })))

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3)
    expect((await t.payment.listCaptures({ payment_id: payment.id })).map((c) => c.amount)).toEqual(["3", "3", "3"])
  })

  test("a provider failure records no capture", async () => {
    const { collection, payment } = await authorized("10", { fail: "capture" })

    await expect(t.payment.capturePayment({ payment_id: payment.id })).rejects.toThrow("scripted provider: capture failed")

    expect(await t.payment.listCaptures({ payment_id: payment.id })).toEqual([])
    expect((await collectionOf(collection.id)).captured_amount).toBe("0")
  })

  test("an unknown payment is not found, naming it", async () => {
    const error = await rejection(t.payment.capturePayment({ payment_id: "pay_missing" }))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(error.message).toContain("pay_missing")
  })
})

describe("refundPayment", () => {
  test("refunds up to what is captured, with a note; the collection's refunded amount follows", async () => {
    const { collection, payment } = await authorized("100")
    await t.payment.capturePayment({ payment_id: payment.id, amount: "60.5" })

    const refunded = await t.payment.refundPayment({ payment_id: payment.id, amount: "10.25", note: "late delivery" })

    expect(refunded.refunds?.map((r) => [r.amount, r.note])).toEqual([["10.25", "late delivery"]])
    expect(refunded.data).toMatchObject({ refunded: ["10.25"] })
    expect(await collectionOf(collection.id)).toMatchObject({ captured_amount: "60.5", refunded_amount: "10.25" })

    const rest = await t.payment.refundPayment({ payment_id: payment.id })
    expect(rest.refunds?.map((r) => r.amount).sort()).toEqual(["10.25", "50.25"])
    expect((await collectionOf(collection.id)).refunded_amount).toBe("60.5")
  })

  test("more than captured minus refunded is refused", async () => {
    const { payment } = await authorized("100")
    await t.payment.capturePayment({ payment_id: payment.id, amount: 20 })
    await t.payment.refundPayment({ payment_id: payment.id, amount: 15 })

    const error = await rejection(t.payment.refundPayment({ payment_id: payment.id, amount: "5.01" }))

    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toBe(`amount 5.01 cannot be refunded from payment ${payment.id}: 5 of the captured 20 is left to refund`)
    expect(await t.payment.listRefunds({ payment_id: payment.id })).toHaveLength(1)
  })

  test("a payment with nothing captured has nothing to refund", async () => {
    const { payment } = await authorized("100")
    const error = await rejection(t.payment.refundPayment({ payment_id: payment.id }))
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toBe(`Payment ${payment.id} has nothing captured left to refund`)
  })
})

describe("cancelPayment", () => {
  test("cancels an uncaptured payment: canceled_at set, session canceled, collection canceled", async () => {
    const { collection, session, payment } = await authorized("40")

    const canceled = await t.payment.cancelPayment(payment.id)

    expect(canceled.canceled_at).toBeInstanceOf(Date)
    expect(canceled.data).toMatchObject({ canceled: true })
    expect((await t.payment.retrievePaymentSession(session.id)).status).toBe("canceled")
    expect(await collectionOf(collection.id)).toMatchObject({ status: "canceled", authorized_amount: "0" })
  })

  test("canceling twice keeps the first cancellation", async () => {
    const { payment } = await authorized("40")
    const first = await t.payment.cancelPayment(payment.id)
    const again = await t.payment.cancelPayment(payment.id)
    expect(again.canceled_at).toEqual(first.canceled_at)
  })

  test("a payment with captured money that is not refunded cannot be canceled; once refunded it can", async () => {
    const { payment } = await authorized("40")
    await t.payment.capturePayment({ payment_id: payment.id, amount: 15 })

    const error = await rejection(t.payment.cancelPayment(payment.id))
    expect(error.type).toBe(AgoraError.Types.NOT_ALLOWED)
    expect(error.message).toBe(`Payment ${payment.id} has 15 captured and not refunded: refund it before canceling`)

    await t.payment.refundPayment({ payment_id: payment.id })
    expect((await t.payment.cancelPayment(payment.id)).canceled_at).toBeInstanceOf(Date)
  })

  test("a canceled payment cannot be captured", async () => {
    const { payment } = await authorized("40")
    await t.payment.cancelPayment(payment.id)

    const error = await rejection(t.payment.capturePayment({ payment_id: payment.id }))
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toBe(`Payment ${payment.id} was canceled and cannot be captured`)
  })
})
