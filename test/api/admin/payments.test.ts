import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { startHttpApp } from "../http-app.ts"
import type { HttpApp } from "../http-app.ts"
import { placeOrder } from "../store/orders-fixtures.ts"

let t: HttpApp
beforeAll(async () => {
  t = await startHttpApp({ stock: 100 })
})
afterAll(() => t?.close())

/** An order's one payment (its id) after checkout. */
async function placedPayment() {
  const { orderId, paymentCollectionId } = await placeOrder(t)
  const [payment] = await t.payment.listPayments({ payment_collection_id: paymentCollectionId })
  return { orderId, paymentId: payment!.id }
}
const paymentStatus = async (orderId: string) => (await t.admin.get(`/admin/orders/${orderId}?fields=payment_status`)).json().order.payment_status
const captures = async () => Number((await t.rows<{ n: string }>("select count(*)::text as n from capture"))[0]?.n)

describe("POST /admin/payments/:id/capture", () => {
  test("captures part, then the rest: the order becomes partially captured, then captured", async () => {
    const { orderId, paymentId } = await placedPayment()
    const part = await t.admin.post(`/admin/payments/${paymentId}/capture`, { amount: 20 })
    expect(part.statusCode).toBe(200)
    expect(part.json().payment).toMatchObject({ id: paymentId, amount: 50, currency_code: "usd", captured_at: null, captures: [{ amount: 20 }] })
    expect(await paymentStatus(orderId)).toBe("partially_captured")

    const rest = await t.admin.post(`/admin/payments/${paymentId}/capture`, {})
    expect(rest.statusCode).toBe(200)
    const { payment } = rest.json()
    expect(payment.captured_at).toEqual(expect.any(String))
    expect(payment.captures.map((capture: { amount: number }) => capture.amount).sort()).toEqual([20, 30])
    expect(await paymentStatus(orderId)).toBe("captured")
    const order = (await t.admin.get(`/admin/orders/${orderId}?fields=summary,payment_collections.captured_amount`)).json().order
    expect(order.summary).toMatchObject({ paid_total: 50, pending_difference: 0 })
    expect(order.payment_collections[0].captured_amount).toBe(50)
  })

  test("a body-less capture takes everything", async () => {
    const { orderId, paymentId } = await placedPayment()
    const res = await t.request({
      method: "POST",
      url: `/admin/payments/${paymentId}/capture`,
      headers: { authorization: `Bearer ${t.adminJwt}`, "content-type": "application/json", "content-length": "0" },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json().payment.captures).toEqual([expect.objectContaining({ amount: 50 })])
    expect(await paymentStatus(orderId)).toBe("captured")
  })

  test("more than is left, a bad amount or an unknown field is 400 and captures nothing", async () => {
    const { orderId, paymentId } = await placedPayment()
    const before = await captures()
    const tooMuch = await t.admin.post(`/admin/payments/${paymentId}/capture`, { amount: 51 })
    expect(tooMuch.statusCode).toBe(400)
    expect(tooMuch.json()).toMatchObject({ type: "invalid_data", message: expect.stringContaining("cannot be captured") })
    const text = await t.admin.post(`/admin/payments/${paymentId}/capture`, { amount: "10" })
    expect(text.statusCode).toBe(400)
    expect(text.json().message).toContain("amount")
    const negative = await t.admin.post(`/admin/payments/${paymentId}/capture`, { amount: -5 })
    expect(negative.statusCode).toBe(400)
    const unknown = await t.admin.post(`/admin/payments/${paymentId}/capture`, { currency_code: "usd" })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().message).toContain("currency_code")
    expect(await captures()).toBe(before)
    expect(await paymentStatus(orderId)).toBe("authorized")
  })

  test("a canceled order's payment cannot be captured; an unknown payment is 404; no token is 401", async () => {
    const { orderId, paymentId } = await placedPayment()
    await t.admin.post(`/admin/orders/${orderId}/cancel`)
    const canceled = await t.admin.post(`/admin/payments/${paymentId}/capture`, {})
    expect(canceled.statusCode).toBe(400)
    expect(canceled.json().message).toContain("canceled")

    const missing = await t.admin.post("/admin/payments/pay_missing/capture", {})
    expect(missing.statusCode).toBe(404)
    expect(missing.json()).toEqual({ type: "not_found", message: "Payment with id: pay_missing was not found" })
    expect((await t.anonymous.post(`/admin/payments/${paymentId}/capture`, {})).statusCode).toBe(401)
  })
})

describe("GET /admin/payments/:id", () => {
  test("answers the payment with its captures and refunds as numbers", async () => {
    const { paymentId } = await placedPayment()
    await t.admin.post(`/admin/payments/${paymentId}/capture`, { amount: 12.5 })
    const res = await t.admin.get(`/admin/payments/${paymentId}`)
    expect(res.statusCode).toBe(200)
    expect(res.json().payment).toMatchObject({
      id: paymentId,
      amount: 50,
      provider_id: "pp_system_default",
      payment_collection_id: expect.stringMatching(/^pay_col_/),
      captures: [{ amount: 12.5 }],
      refunds: [],
    })
    expect((await t.admin.get(`/admin/payments/${paymentId}?fields=amount`)).json().payment).toEqual({ id: paymentId, amount: 50 })
    expect((await t.admin.get("/admin/payments/pay_missing")).statusCode).toBe(404)
  })

  test("GET /admin/payments lists them", async () => {
    const { paymentId } = await placedPayment()
    const res = await t.admin.get(`/admin/payments?id=${paymentId}`)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ count: 1, offset: 0, limit: 20, payments: [{ id: paymentId, amount: 50 }] })
  })
})
