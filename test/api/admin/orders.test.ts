import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { startHttpApp } from "../http-app.ts"
import type { HttpApp } from "../http-app.ts"
import { placeOrder, reservedQuantity, signUpCustomer, stockedQuantity } from "../store/orders-fixtures.ts"

let t: HttpApp
let itemId: string
beforeAll(async () => {
  t = await startHttpApp({ stock: 100 })
  itemId = t.store.product.variants.small.inventoryItemId!
})
afterAll(() => t?.close())

const orderOf = async (id: string, query = "") => (await t.admin.get(`/admin/orders/${id}${query}`)).json().order
const lineOf = async (orderId: string) => (await orderOf(orderId)).items[0] as { id: string; quantity: number }

describe("GET /admin/orders", () => {
  test("lists orders newest first with the default fields and computed statuses", async () => {
    const older = await placeOrder(t)
    const newer = await placeOrder(t)
    const res = await t.admin.get("/admin/orders")
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ offset: 0, limit: 15, count: expect.any(Number) })
    const ids = body.orders.map((order: { id: string }) => order.id)
    expect(ids.indexOf(newer.orderId)).toBeLessThan(ids.indexOf(older.orderId))
    const order = body.orders.find((entry: { id: string }) => entry.id === newer.orderId)
    expect(Object.keys(order).sort()).toEqual(
      ["created_at", "display_id", "fulfillment_status", "id", "metadata", "payment_status", "status", "summary", "updated_at", "version"].sort(),
    )
    expect(order).toMatchObject({ status: "pending", version: 1, payment_status: "authorized", fulfillment_status: "not_fulfilled" })
    expect(order.summary).toMatchObject({ current_order_total: 50, paid_total: 0, pending_difference: 50 })
  })

  test("filters by id, status, customer and dates; pages; extra fields", async () => {
    const customer = await signUpCustomer(t)
    const mine = await placeOrder(t, { customer_id: customer.id })
    const byCustomer = (await t.admin.get(`/admin/orders?customer_id=${customer.id}`)).json()
    expect(byCustomer.orders.map((order: { id: string }) => order.id)).toEqual([mine.orderId])

    const byIds = (await t.admin.get(`/admin/orders?id[0]=${mine.orderId}&id[1]=order_missing&fields=id,email,total,customer_id`)).json()
    expect(byIds.orders).toEqual([{ id: mine.orderId, email: customer.email, total: 50, customer_id: customer.id }])

    const future = new Date(Date.now() + 3_600_000).toISOString()
    expect((await t.admin.get(`/admin/orders?created_at[$gt]=${future}`)).json().count).toBe(0)
    const all = (await t.admin.get("/admin/orders?limit=1&offset=1")).json()
    expect(all).toMatchObject({ limit: 1, offset: 1 })
    expect(all.orders).toHaveLength(1)
    expect((await t.admin.get("/admin/orders?status=completed")).json().orders).toEqual([])
  })

  test("bad parameters are 400 naming them; no admin token is 401", async () => {
    const unknown = await t.admin.get("/admin/orders?colour=red")
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().message).toContain("colour")
    const status = await t.admin.get("/admin/orders?status=shipped")
    expect(status.statusCode).toBe(400)
    expect(status.json().message).toContain("status")
    const operator = await t.admin.get("/admin/orders?created_at[$between]=x")
    expect(operator.statusCode).toBe(400)
    expect(operator.json().message).toContain("$between")
    const res = await t.anonymous.get("/admin/orders")
    expect(res.statusCode).toBe(401)
    expect(res.json()).toEqual({ message: "Unauthorized" })
  })
})

describe("GET /admin/orders/:id", () => {
  test("answers the order with lines, totals, payments and statuses as numbers", async () => {
    const { orderId } = await placeOrder(t)
    const res = await t.admin.get(`/admin/orders/${orderId}`)
    expect(res.statusCode).toBe(200)
    const { order } = res.json()
    expect(order).toMatchObject({
      id: orderId,
      display_id: expect.any(Number),
      status: "pending",
      currency_code: "usd",
      email: "guest@example.com",
      region_id: t.store.regions.usd.id,
      sales_channel_id: t.store.salesChannelId,
      total: 50,
      subtotal: 50,
      item_total: 40,
      shipping_total: 10,
      tax_total: 0,
      payment_status: "authorized",
      fulfillment_status: "not_fulfilled",
      shipping_address: { country_code: "us", city: "Boston" },
      fulfillments: [],
    })
    expect(order.items).toHaveLength(1)
    expect(order.items[0]).toMatchObject({
      id: expect.stringMatching(/^ordli_/),
      quantity: 2,
      unit_price: 20,
      total: 40,
      variant_id: t.store.product.variants.small.id,
      detail: { quantity: 2, fulfilled_quantity: 0, shipped_quantity: 0, delivered_quantity: 0 },
      variant: { id: t.store.product.variants.small.id, product: { id: t.store.product.id } },
      tax_lines: [],
      adjustments: [],
    })
    expect(order.items[0]).not.toHaveProperty("fulfilled_quantity")
    expect(order.shipping_methods[0]).toMatchObject({ amount: 10, total: 10, shipping_option_id: t.store.shippingOption.id })
    expect(order.payment_collections[0]).toMatchObject({ amount: 50, authorized_amount: 50, status: "authorized" })
    expect(order.payment_collections[0].payments[0]).toMatchObject({ id: expect.stringMatching(/^pay_/), amount: 50, refunds: [] })
  })

  test("fields replace or extend the default set; unknown fields and ids are refused", async () => {
    const { orderId } = await placeOrder(t)
    expect(await orderOf(orderId, "?fields=payment_status,total")).toEqual({ id: orderId, payment_status: "authorized", total: 50 })
    const plus = await orderOf(orderId, "?fields=-items,+region.name")
    expect(plus).not.toHaveProperty("items")
    expect(plus.region).toEqual({ id: t.store.regions.usd.id, name: "North America" })

    const badField = await t.admin.get(`/admin/orders/${orderId}?fields=nope`)
    expect(badField.statusCode).toBe(400)
    expect(badField.json().message).toContain("nope")
    const missing = await t.admin.get("/admin/orders/order_missing")
    expect(missing.statusCode).toBe(404)
    expect(missing.json()).toEqual({ type: "not_found", message: "Order with id: order_missing was not found" })
  })
})

describe("POST /admin/orders/:id/cancel", () => {
  test("cancels the order, releases its reservations and cancels its payment", async () => {
    const reservedBefore = await reservedQuantity(t, itemId)
    const { orderId } = await placeOrder(t, { lines: [{ variant_id: t.store.product.variants.small.id, quantity: 3 }] })
    expect(await reservedQuantity(t, itemId)).toBe(reservedBefore + 3)

    const res = await t.admin.post(`/admin/orders/${orderId}/cancel`)
    expect(res.statusCode).toBe(200)
    expect(res.json().order).toMatchObject({ id: orderId, status: "canceled", canceled_at: expect.any(String), payment_status: "canceled" })
    expect(await reservedQuantity(t, itemId)).toBe(reservedBefore)

    const twice = await t.admin.post(`/admin/orders/${orderId}/cancel`)
    expect(twice.statusCode).toBe(400)
    expect(twice.json()).toEqual({ type: "not_allowed", message: `Order with id ${orderId} has been canceled.` })
  })

  test("an order with an active fulfillment is refused, nothing changed; an unknown one is 404", async () => {
    const { orderId } = await placeOrder(t)
    const line = await lineOf(orderId)
    await t.admin.post(`/admin/orders/${orderId}/fulfillments`, { items: [{ id: line.id, quantity: 1 }] })
    const reserved = await reservedQuantity(t, itemId)

    const res = await t.admin.post(`/admin/orders/${orderId}/cancel`)
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({ type: "not_allowed", message: "All fulfillments must be canceled before canceling an order" })
    expect((await orderOf(orderId)).status).toBe("pending")
    expect(await reservedQuantity(t, itemId)).toBe(reserved)

    expect((await t.admin.post("/admin/orders/order_missing/cancel")).statusCode).toBe(404)
    expect((await t.admin.post(`/admin/orders/${orderId}/cancel`, { reason: "x" })).statusCode).toBe(400)
  })
})

describe("POST /admin/orders/:id/complete", () => {
  test("completes a pending order; a canceled one is refused", async () => {
    const { orderId } = await placeOrder(t)
    const res = await t.admin.post(`/admin/orders/${orderId}/complete`, {})
    expect(res.statusCode).toBe(200)
    expect(res.json().order).toMatchObject({ id: orderId, status: "completed" })

    const canceled = await placeOrder(t)
    await t.admin.post(`/admin/orders/${canceled.orderId}/cancel`)
    const refused = await t.admin.post(`/admin/orders/${canceled.orderId}/complete`, {})
    expect(refused.statusCode).toBe(400)
    expect(refused.json().message).toBe(`Order with id ${canceled.orderId} has been canceled.`)
    expect((await orderOf(canceled.orderId)).status).toBe("canceled")

    expect((await t.admin.post("/admin/orders/order_missing/complete", {})).statusCode).toBe(404)
    const unknown = await t.admin.post(`/admin/orders/${orderId}/complete`, { status: "archived" })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().message).toContain("status")
  })
})

describe("fulfillments", () => {
  test("a fulfillment consumes the reservation; canceling it brings the stock and the reservation back", async () => {
    const { orderId } = await placeOrder(t, { lines: [{ variant_id: t.store.product.variants.small.id, quantity: 2 }] })
    const line = await lineOf(orderId)
    const stocked = await stockedQuantity(t, itemId)
    const reserved = await reservedQuantity(t, itemId)

    const partial = await t.admin.post(`/admin/orders/${orderId}/fulfillments`, { items: [{ id: line.id, quantity: 1 }] })
    expect(partial.statusCode).toBe(200)
    expect(partial.json().order).toMatchObject({ fulfillment_status: "partially_fulfilled" })
    expect(partial.json().order.items[0].detail.fulfilled_quantity).toBe(1)
    expect(await stockedQuantity(t, itemId)).toBe(stocked - 1)
    expect(await reservedQuantity(t, itemId)).toBe(reserved - 1)

    const full = (await t.admin.post(`/admin/orders/${orderId}/fulfillments`, { items: [{ id: line.id, quantity: 1 }] })).json().order
    expect(full.fulfillment_status).toBe("fulfilled")
    expect(full.fulfillments).toHaveLength(2)
    const [first, second] = full.fulfillments as { id: string; location_id: string }[]
    expect(first).toMatchObject({ location_id: t.store.stockLocationId, items: [{ line_item_id: line.id, quantity: 1 }] })
    // The fulfillment module holds the same fulfillment under the same id.
    expect((await t.fulfillment.listFulfillments({ id: first!.id })).length).toBe(1)

    const canceled = await t.admin.post(`/admin/orders/${orderId}/fulfillments/${second!.id}/cancel`, {})
    expect(canceled.statusCode).toBe(200)
    expect(canceled.json().order).toMatchObject({ fulfillment_status: "partially_fulfilled" })
    expect(canceled.json().order.items[0].detail.fulfilled_quantity).toBe(1)
    expect(await stockedQuantity(t, itemId)).toBe(stocked - 1)
    expect(await reservedQuantity(t, itemId)).toBe(reserved - 1)
    expect((await t.fulfillment.retrieveFulfillment(second!.id)).canceled_at).toBeInstanceOf(Date)

    await t.admin.post(`/admin/orders/${orderId}/fulfillments/${first!.id}/cancel`, {})
    expect(await stockedQuantity(t, itemId)).toBe(stocked)
    expect(await reservedQuantity(t, itemId)).toBe(reserved)
    expect((await orderOf(orderId)).fulfillment_status).toBe("canceled")

    // With every fulfillment canceled the order can be canceled, and its stock is free again.
    const reservedBefore = reserved - 2
    expect((await t.admin.post(`/admin/orders/${orderId}/cancel`)).statusCode).toBe(200)
    expect(await reservedQuantity(t, itemId)).toBe(reservedBefore)
  })

  test("ships and delivers a fulfillment; a shipped one cannot be canceled", async () => {
    const { orderId } = await placeOrder(t)
    const line = await lineOf(orderId)
    const fulfillment = (await t.admin.post(`/admin/orders/${orderId}/fulfillments`, { items: [{ id: line.id, quantity: 2 }] })).json().order
      .fulfillments[0] as { id: string }

    const shipped = await t.admin.post(`/admin/orders/${orderId}/fulfillments/${fulfillment.id}/shipments`, {
      items: [{ id: line.id, quantity: 2 }],
      labels: [{ tracking_number: "TRK1", tracking_url: "https://track.example/TRK1", label_url: "https://label.example/1" }],
    })
    expect(shipped.statusCode).toBe(200)
    expect(shipped.json().order).toMatchObject({ fulfillment_status: "shipped" })
    expect(shipped.json().order.items[0].detail.shipped_quantity).toBe(2)
    expect(shipped.json().order.fulfillments[0]).toMatchObject({ shipped_at: expect.any(String), labels: [{ tracking_number: "TRK1" }] })

    const again = await t.admin.post(`/admin/orders/${orderId}/fulfillments/${fulfillment.id}/shipments`, { items: [{ id: line.id, quantity: 2 }] })
    expect(again.statusCode).toBe(400)
    const cancel = await t.admin.post(`/admin/orders/${orderId}/fulfillments/${fulfillment.id}/cancel`, {})
    expect(cancel.statusCode).toBe(400)
    expect(cancel.json()).toEqual({ type: "not_allowed", message: "The fulfillment has already been shipped. Shipped fulfillments cannot be canceled" })

    const delivered = await t.admin.post(`/admin/orders/${orderId}/fulfillments/${fulfillment.id}/mark-as-delivered`, {})
    expect(delivered.statusCode).toBe(200)
    expect(delivered.json().order).toMatchObject({ fulfillment_status: "delivered" })
    expect(delivered.json().order.items[0].detail.delivered_quantity).toBe(2)
    expect((await t.fulfillment.retrieveFulfillment(fulfillment.id)).delivered_at).toBeInstanceOf(Date)
  })

  test("bad fulfillment requests are refused by name and change nothing", async () => {
    const { orderId } = await placeOrder(t)
    const line = await lineOf(orderId)
    const stocked = await stockedQuantity(t, itemId)
    const post = (body: unknown) => t.admin.post(`/admin/orders/${orderId}/fulfillments`, body)

    const noItems = await post({})
    expect(noItems.statusCode).toBe(400)
    expect(noItems.json().message).toContain("items")
    const zero = await post({ items: [{ id: line.id, quantity: 0 }] })
    expect(zero.statusCode).toBe(400)
    expect(zero.json().message).toContain("items.0.quantity")
    const tooMany = await post({ items: [{ id: line.id, quantity: 3 }] })
    expect(tooMany.statusCode).toBe(400)
    expect(tooMany.json().message).toContain("Cannot fulfill more items than what was ordered")
    const foreign = await post({ items: [{ id: "ordli_missing", quantity: 1 }] })
    expect(foreign.statusCode).toBe(400)
    expect((await t.admin.post("/admin/orders/order_missing/fulfillments", { items: [{ id: line.id, quantity: 1 }] })).statusCode).toBe(404)

    const order = await orderOf(orderId)
    expect(order.fulfillments).toEqual([])
    expect(order.fulfillment_status).toBe("not_fulfilled")
    expect(await stockedQuantity(t, itemId)).toBe(stocked)

    const unknownFulfillment = await t.admin.post(`/admin/orders/${orderId}/fulfillments/ful_missing/cancel`, {})
    expect(unknownFulfillment.statusCode).toBe(404)
    expect((await t.admin.post(`/admin/orders/${orderId}/fulfillments/ful_missing/mark-as-delivered`, {})).statusCode).toBe(404)
  })
})
