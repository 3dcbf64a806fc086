import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { startHttpApp } from "../http-app.ts"
import type { HttpApp } from "../http-app.ts"
import { placeOrder, signUpCustomer } from "./orders-fixtures.ts"

let t: HttpApp
let ada: Awaited<ReturnType<typeof signUpCustomer>>
let grace: Awaited<ReturnType<typeof signUpCustomer>>
beforeAll(async () => {
  t = await startHttpApp({ stock: 100 })
  ada = await signUpCustomer(t, { first_name: "Ada" })
  grace = await signUpCustomer(t, { first_name: "Grace" })
})
afterAll(() => t?.close())

describe("GET /store/orders", () => {
  test("lists only the signed-in customer's orders, with the default fields", async () => {
    const first = await placeOrder(t, { customer_id: ada.id })
    const second = await placeOrder(t, { customer_id: ada.id })
    await placeOrder(t, { customer_id: grace.id })
    await placeOrder(t, { email: ada.email })

    const res = await t.storefront.get("/store/orders", ada)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ count: 2, offset: 0, limit: 50 })
    expect(body.orders.map((order: { id: string }) => order.id)).toEqual([second.orderId, first.orderId])
    expect(Object.keys(body.orders[0]).sort()).toEqual(
      ["created_at", "currency_code", "display_id", "fulfillment_status", "id", "metadata", "payment_status", "status", "summary", "total", "updated_at", "version"].sort(),
    )
    expect(body.orders[0]).toMatchObject({ total: 50, currency_code: "usd", payment_status: "authorized", fulfillment_status: "not_fulfilled" })

    const graces = (await t.storefront.get("/store/orders", grace)).json()
    expect(graces.count).toBe(1)
  })

  test("a filter cannot reach another customer's orders", async () => {
    const other = await placeOrder(t, { customer_id: grace.id })
    const byId = (await t.storefront.get(`/store/orders?id=${other.orderId}`, ada)).json()
    expect(byId).toMatchObject({ count: 0, orders: [] })
    const byCustomer = await t.storefront.get(`/store/orders?customer_id=${grace.id}`, ada)
    expect(byCustomer.statusCode).toBe(400)
    expect(byCustomer.json().message).toContain("customer_id")
  })

  test("needs a customer token", async () => {
    const res = await t.storefront.get("/store/orders")
    expect(res.statusCode).toBe(401)
    expect(res.json()).toEqual({ message: "Unauthorized" })
    expect((await t.storefront.get("/store/orders", { headers: { authorization: `Bearer ${t.adminJwt}` } })).statusCode).toBe(401)
  })
})

describe("GET /store/orders/:id", () => {
  test("a guest order is read by its id, in the store's default shape", async () => {
    const { orderId } = await placeOrder(t)
    const res = await t.storefront.get(`/store/orders/${orderId}`)
    expect(res.statusCode).toBe(200)
    const { order } = res.json()
    expect(order).toMatchObject({
      id: orderId,
      status: "pending",
      version: 1,
      display_id: expect.any(Number),
      currency_code: "usd",
      email: "guest@example.com",
      region_id: t.store.regions.usd.id,
      total: 50,
      item_subtotal: 40,
      shipping_subtotal: 10,
      summary: { current_order_total: 50 },
      payment_status: "authorized",
      fulfillment_status: "not_fulfilled",
      shipping_address: { city: "Boston" },
      payment_collections: [{ amount: 50, status: "authorized" }],
    })
    expect(order.items[0]).toMatchObject({
      unit_price: 20,
      quantity: 2,
      detail: { fulfilled_quantity: 0 },
      variant: { id: t.store.product.variants.small.id, product: { title: "T-shirt" } },
      tax_lines: [],
      adjustments: [],
    })
    expect(order.shipping_methods[0]).toMatchObject({ amount: 10, tax_lines: [], adjustments: [] })
    expect(order).not.toHaveProperty("customer_id")
    expect(order).not.toHaveProperty("fulfillments")

    // Signed in, a guest's order is still read by its id.
    expect((await t.storefront.get(`/store/orders/${orderId}`, ada)).statusCode).toBe(200)
  })

  test("a customer's order is theirs: another customer gets 404", async () => {
    const { orderId } = await placeOrder(t, { customer_id: ada.id })
    const mine = await t.storefront.get(`/store/orders/${orderId}?fields=id,email`, ada)
    expect(mine.statusCode).toBe(200)
    expect(mine.json().order).toEqual({ id: orderId, email: ada.email })

    const notFound = { type: "not_found", message: `Order with id: ${orderId} was not found` }
    const theirs = await t.storefront.get(`/store/orders/${orderId}`, grace)
    expect(theirs.statusCode).toBe(404)
    expect(theirs.json()).toEqual(notFound)
    const anonymous = await t.storefront.get(`/store/orders/${orderId}`)
    expect(anonymous.statusCode).toBe(404)
    expect(anonymous.json()).toEqual(notFound)
  })

  test("an unknown id is 404; an unknown parameter 400; no publishable key 400", async () => {
    expect((await t.storefront.get("/store/orders/order_missing")).statusCode).toBe(404)
    const { orderId } = await placeOrder(t)
    const unknown = await t.storefront.get(`/store/orders/${orderId}?expand=items`)
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().message).toContain("expand")
    expect((await t.anonymous.get(`/store/orders/${orderId}`)).statusCode).toBe(400)
  })
})
