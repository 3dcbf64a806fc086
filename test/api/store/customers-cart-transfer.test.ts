import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { createCartWorkflow } from "../../../src/workflows/cart/index.ts"
import { startHttpApp } from "../http-app.ts"
import type { HttpApp } from "../http-app.ts"
import { checkout, createShippableCart, placeOrder, signUpCustomer } from "./orders-fixtures.ts"

let t: HttpApp
beforeAll(async () => {
  t = await startHttpApp({ stock: 100 })
})
afterAll(() => t?.close())

async function cart(input: { email?: string; customer_id?: string } = {}) {
  const { result } = await createCartWorkflow(t.container).run({
    input: {
      region_id: t.store.regions.usd.id,
      sales_channel_id: t.store.salesChannelId,
      ...input,
      items: [{ variant_id: t.store.product.variants.small.id, quantity: 1 }],
    },
  })
  return result.id
}
const cartRow = async (id: string) => (await t.carts.listCarts({ id }))[0]!

describe("POST /store/carts/:id/customer", () => {
  test("a guest's cart becomes the signed-in customer's, with the customer's email", async () => {
    const ada = await signUpCustomer(t)
    const guestCart = await cart({ email: "guest@example.com" })
    const res = await t.storefront.post(`/store/carts/${guestCart}/customer`, undefined, ada)
    expect(res.statusCode).toBe(200)
    expect(res.json().cart).toMatchObject({ id: guestCart, customer_id: ada.id, email: ada.email })
    expect(await cartRow(guestCart)).toMatchObject({ customer_id: ada.id, email: ada.email })

    // Transferred twice is the same: nothing changes.
    const again = await t.storefront.post(`/store/carts/${guestCart}/customer`, {}, ada)
    expect(again.statusCode).toBe(200)
    expect(again.json().cart.customer_id).toBe(ada.id)
  })

  test("an anonymous cart is transferred too, and the order placed from it is then the customer's", async () => {
    const ada = await signUpCustomer(t)
    const anonymousCart = await createShippableCart(t, { email: null })
    expect((await cartRow(anonymousCart)).customer_id).toBeNull()
    expect((await t.storefront.post(`/store/carts/${anonymousCart}/customer`, {}, ada)).statusCode).toBe(200)
    const { orderId } = await checkout(t, anonymousCart)
    const listed = (await t.storefront.get("/store/orders", ada)).json()
    expect(listed.orders.map((order: { id: string }) => order.id)).toEqual([orderId])
    expect((await t.storefront.get(`/store/orders/${orderId}?fields=email`, ada)).json().order).toEqual({ id: orderId, email: ada.email })
  })

  test("another registered customer's cart is not found and stays theirs", async () => {
    const ada = await signUpCustomer(t)
    const grace = await signUpCustomer(t)
    const gracesCart = await cart({ customer_id: grace.id })
    const res = await t.storefront.post(`/store/carts/${gracesCart}/customer`, {}, ada)
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({ type: "not_found", message: `Cart with id: ${gracesCart} was not found` })
    expect((await cartRow(gracesCart)).customer_id).toBe(grace.id)
  })

  test("needs a customer token; a body, a completed or unknown cart are refused", async () => {
    const ada = await signUpCustomer(t)
    const guestCart = await cart({ email: "guest@example.com" })
    const before = await cartRow(guestCart)
    const anonymous = await t.storefront.post(`/store/carts/${guestCart}/customer`, {})
    expect(anonymous.statusCode).toBe(401)
    const body = await t.storefront.post(`/store/carts/${guestCart}/customer`, { customer_id: ada.id }, ada)
    expect(body.statusCode).toBe(400)
    expect(body.json().message).toContain("customer_id")
    expect((await cartRow(guestCart)).customer_id).toBe(before.customer_id)

    expect((await t.storefront.post("/store/carts/cart_missing/customer", {}, ada)).statusCode).toBe(404)
    const { cartId } = await placeOrder(t)
    const completed = await t.storefront.post(`/store/carts/${cartId}/customer`, {}, ada)
    expect(completed.statusCode).toBe(400)
    expect(completed.json().message).toBe(`Cart ${cartId} is already completed.`)
  })
})
