import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest"
import { SystemPaymentProvider } from "../../../src/modules/payment/index.ts"
import { seedProduct } from "../../workflows/cart/seed.ts"
import { startHttpApp } from "../http-app.ts"
import type { HttpApp } from "../http-app.ts"
import { signedInCustomer, storeFootprint, US_ADDRESS } from "./carts-helpers.ts"

let t: HttpApp
let small: string

beforeAll(async () => {
  t = await startHttpApp()
  small = t.store.product.variants.small.id
})
afterAll(() => t?.close())
afterEach(() => void vi.restoreAllMocks())

type Json = Record<string, any>

async function ok(response: Promise<{ statusCode: number; body: string; json(): Json }>): Promise<Json> {
  const res = await response
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

/** A cart with `quantity` small T-shirts, through the storefront. */
async function cartWith(quantity = 1, variantId = small): Promise<string> {
  return (await ok(t.storefront.post("/store/carts", { items: [{ variant_id: variantId, quantity }] }))).cart.id
}

/** The storefront sequence of API.md §9 up to, not including, completion. */
async function readyToComplete(cartId: string, headers: Record<string, string> = {}): Promise<Json> {
  await ok(t.storefront.post(`/store/carts/${cartId}`, { email: "shopper@example.com", shipping_address: US_ADDRESS, billing_address: US_ADDRESS }, { headers }))
  const { shipping_options } = await ok(t.storefront.get(`/store/shipping-options?cart_id=${cartId}`, { headers }))
  await ok(t.storefront.post(`/store/carts/${cartId}/shipping-methods`, { option_id: shipping_options[0].id }, { headers }))
  const { cart } = await ok(t.storefront.get(`/store/carts/${cartId}`, { headers }))
  // What sdk.store.payment.initiatePaymentSession does.
  const collectionId = cart.payment_collection?.id ?? (await ok(t.storefront.post("/store/payment-collections", { cart_id: cartId }, { headers }))).payment_collection.id
  await ok(t.storefront.post(`/store/payment-collections/${collectionId}/payment-sessions`, { provider_id: "pp_system_default" }, { headers }))
  return cart
}

async function reservedFor(orderId: string): Promise<{ inventory_item_id: string; location_id: string; quantity: number }[]> {
  return t.rows(
    `select r.inventory_item_id, r.location_id, r.quantity from reservation_item r
       join order_line_item l on l.id = r.line_item_id where l.order_id = ? and r.deleted_at is null`,
    [orderId],
  )
}

async function refused(send: () => Promise<{ statusCode: number; json(): unknown }>, status: number): Promise<Json> {
  const before = await storeFootprint(t)
  const res = await send()
  expect(res.statusCode, JSON.stringify(res.json())).toBe(status)
  expect(await storeFootprint(t)).toEqual(before)
  return res.json() as Json
}

describe("a guest checkout through the storefront sequence (API.md §9)", () => {
  test("places a pending order with the cart's lines, an authorized payment and reservations", async () => {
    const cartId = await cartWith(2)
    const cart = await readyToComplete(cartId)
    expect(cart).toMatchObject({ email: "shopper@example.com", total: 50, shipping_methods: [{ name: "Standard", amount: 10 }] })

    // The store order's default fields leave the sales channel out: asked for here.
    const body = await ok(t.storefront.post(`/store/carts/${cartId}/complete?fields=%2Bsales_channel_id`))

    expect(body.type).toBe("order")
    const order = body.order
    expect(order).toMatchObject({
      id: expect.stringMatching(/^order_/),
      display_id: expect.any(Number),
      status: "pending",
      email: "shopper@example.com",
      currency_code: "usd",
      region_id: t.store.regions.usd.id,
      sales_channel_id: t.store.salesChannelId,
      payment_status: "authorized",
      fulfillment_status: "not_fulfilled",
      total: 50,
      item_total: 40,
      shipping_total: 10,
      shipping_address: { first_name: "Ada", country_code: "us" },
      billing_address: { first_name: "Ada" },
      shipping_methods: [{ name: "Standard", amount: 10, shipping_option_id: t.store.shippingOption.id }],
      payment_collections: [{ amount: 50, authorized_amount: 50, status: "authorized" }],
      summary: { current_order_total: 50, paid_total: 0, pending_difference: 50 },
    })
    expect(order.items).toHaveLength(1)
    expect(order.items[0]).toMatchObject({
      id: expect.stringMatching(/^ordli_/),
      variant_id: small,
      quantity: 2,
      unit_price: 20,
      total: 40,
      detail: { quantity: 2, fulfilled_quantity: 0 },
      variant: { id: small, product: { id: t.store.product.id } },
    })

    expect(await reservedFor(order.id)).toEqual([
      { inventory_item_id: t.store.product.variants.small.inventoryItemId, location_id: t.store.stockLocationId, quantity: 2 },
    ])
    const [completed] = await t.rows<{ completed_at: string | null }>(`select completed_at::text from cart where id = ?`, [cartId])
    expect(completed?.completed_at).not.toBeNull()
    const [payments] = await t.rows<{ count: number }>(
      `select count(*)::int as count from payment where payment_collection_id = ?`,
      [order.payment_collections[0].id],
    )
    expect(payments?.count).toBe(1)
  })

  test("completing again answers with the same order and places nothing more", async () => {
    const cartId = await cartWith(1)
    await readyToComplete(cartId)
    const first = await ok(t.storefront.post(`/store/carts/${cartId}/complete`))

    const before = await storeFootprint(t)
    const again = await ok(t.storefront.post(`/store/carts/${cartId}/complete`))

    expect(again).toMatchObject({ type: "order", order: { id: first.order.id, display_id: first.order.display_id } })
    expect(await storeFootprint(t)).toEqual(before)
  })

  test("concurrent completions of one cart place one order", { timeout: 60_000 }, async () => {
    const cartId = await cartWith(1)
    await readyToComplete(cartId)

    const responses = await Promise.all(Array.from({ length: 5 }, () => t.storefront.post(`/store/carts/${cartId}/complete`)))

    const orderIds = new Set<string>()
    for (const res of responses) {
      if (res.statusCode === 409) continue // the cart was being completed by another request
      expect(res.statusCode, res.body).toBe(200)
      orderIds.add(res.json().order.id)
    }
    expect(orderIds.size).toBe(1)
    const orders = await t.rows(`select order_id from order_cart where cart_id = ? and deleted_at is null`, [cartId])
    expect(orders).toEqual([{ order_id: [...orderIds][0] }])
  })

  test("a signed-in customer's order is theirs; fields cut the order down", async () => {
    const ada = await signedInCustomer(t, "ada.checkout@example.com")
    const cartId = (await ok(t.storefront.post("/store/carts", { items: [{ variant_id: small, quantity: 1 }] }, { headers: ada.headers }))).cart.id
    await readyToComplete(cartId, ada.headers)

    const body = await ok(t.storefront.post(`/store/carts/${cartId}/complete?fields=id,display_id,customer_id,payment_status`, undefined, { headers: ada.headers }))

    expect(Object.keys(body.order).sort()).toEqual(["customer_id", "display_id", "id", "payment_status"])
    expect(body.order).toMatchObject({ customer_id: ada.id, payment_status: "authorized" })
  })
})

describe("what must hold before completion (API.md §9)", () => {
  test("an unknown cart is a 404", async () => {
    expect(await refused(() => t.storefront.post("/store/carts/cart_missing/complete"), 404)).toEqual({
      type: "not_found",
      message: "Cart with id: cart_missing was not found",
    })
  })

  test("no shipping method for items that require shipping", async () => {
    const cartId = await cartWith(1)
    await ok(t.storefront.post(`/store/carts/${cartId}`, { email: "a@example.com", shipping_address: US_ADDRESS }))

    expect(await refused(() => t.storefront.post(`/store/carts/${cartId}/complete`), 400)).toEqual({
      type: "invalid_data",
      message: "No shipping method selected but the cart contains items that require shipping.",
    })
  })

  test("no payment collection, then a collection without a session", async () => {
    const cartId = await cartWith(1)
    await ok(t.storefront.post(`/store/carts/${cartId}`, { shipping_address: US_ADDRESS }))
    await ok(t.storefront.post(`/store/carts/${cartId}/shipping-methods`, { option_id: t.store.shippingOption.id }))

    const noCollection = await refused(() => t.storefront.post(`/store/carts/${cartId}/complete`), 400)
    expect(noCollection).toMatchObject({ type: "invalid_data", message: expect.stringContaining("Payment collection has not been initiated for cart") })

    await ok(t.storefront.post("/store/payment-collections", { cart_id: cartId }))
    const noSession = await refused(() => t.storefront.post(`/store/carts/${cartId}/complete`), 400)
    expect(noSession).toMatchObject({ type: "invalid_data", message: expect.stringContaining("Payment sessions are required to complete cart") })
  })

  test("a cart changed after its payment session opened needs a new session", async () => {
    const cartId = await cartWith(1)
    await readyToComplete(cartId)
    const { cart } = await ok(t.storefront.post(`/store/carts/${cartId}/line-items`, { variant_id: small, quantity: 1 }))
    expect(cart.payment_collection).toMatchObject({ amount: 50, payment_sessions: [] })

    const stale = await refused(() => t.storefront.post(`/store/carts/${cartId}/complete`), 400)
    expect(stale.message).toContain("Payment sessions are required to complete cart")
  })

  test("stock sold elsewhere since the line was added: insufficient inventory", async () => {
    const scarce = await seedProduct(t, t.store, { variants: [{ key: "one", prices: { usd: 5 }, stock: 1 }] })
    const first = await cartWith(1, scarce.variants.one!.id)
    const second = await cartWith(1, scarce.variants.one!.id)
    await readyToComplete(first)
    await readyToComplete(second)
    expect((await ok(t.storefront.post(`/store/carts/${first}/complete`))).type).toBe("order")

    const error = await refused(() => t.storefront.post(`/store/carts/${second}/complete`), 400)
    expect(error).toMatchObject({ type: "not_allowed", code: "insufficient_inventory" })
  })

  test("the provider refuses the authorization: the cart is answered with the reason and stays open", async () => {
    const cartId = await cartWith(1)
    await readyToComplete(cartId)
    vi.spyOn(SystemPaymentProvider.prototype, "authorizePayment").mockResolvedValueOnce({ data: {}, status: "error" })
    const before = await storeFootprint(t)

    const body = await ok(t.storefront.post(`/store/carts/${cartId}/complete`))

    expect(body).toMatchObject({
      type: "cart",
      cart: { id: cartId, completed_at: null, total: 30 },
      error: { type: "payment_authorization_error", message: expect.stringContaining("was not authorized by pp_system_default") },
    })
    expect(typeof body.error.name).toBe("string")
    const { cart_updated: _before, ...counts } = before
    const { cart_updated: _after, ...after } = await storeFootprint(t)
    expect(after).toEqual(counts)
  })

  test("fields the order does not have are refused before any order is placed", async () => {
    const cartId = await cartWith(1)
    await readyToComplete(cartId)

    const error = await refused(() => t.storefront.post(`/store/carts/${cartId}/complete?fields=id,colour`), 400)

    expect(error.message).toContain("colour")
    expect((await ok(t.storefront.post(`/store/carts/${cartId}/complete`))).type).toBe("order")
  })

  test("a body on completion is refused", async () => {
    const cartId = await cartWith(1)
    expect((await refused(() => t.storefront.post(`/store/carts/${cartId}/complete`, { idempotency: true }), 400)).message).toContain("idempotency")
  })
})

describe("POST /store/carts/:id/shipping-methods", () => {
  test("an option (or a list of them) replaces the method of its profile", async () => {
    const cartId = await cartWith(1)
    await ok(t.storefront.post(`/store/carts/${cartId}`, { shipping_address: US_ADDRESS }))

    const once = await ok(t.storefront.post(`/store/carts/${cartId}/shipping-methods`, { option_id: t.store.shippingOption.id, data: {} }))
    const twice = await ok(t.storefront.post(`/store/carts/${cartId}/shipping-methods`, [{ option_id: t.store.shippingOption.id }]))

    expect(once.cart.shipping_methods).toHaveLength(1)
    expect(twice.cart.shipping_methods).toHaveLength(1)
    expect(twice.cart.shipping_methods[0]).toMatchObject({ shipping_option_id: t.store.shippingOption.id, amount: 10, total: 10, tax_lines: [] })
    expect(twice.cart).toMatchObject({ shipping_total: 10, total: 30 })
  })

  test("refusals change nothing", async () => {
    const cartId = await cartWith(1)
    await ok(t.storefront.post(`/store/carts/${cartId}`, { shipping_address: US_ADDRESS }))

    expect((await refused(() => t.storefront.post(`/store/carts/${cartId}/shipping-methods`, {}), 400)).message).toBe(
      "Invalid request: Field 'option_id' is required",
    )
    expect((await refused(() => t.storefront.post(`/store/carts/${cartId}/shipping-methods`, [{ option_id: "so_1", colour: "red" }]), 400)).message).toBe(
      "Invalid request: Unrecognized fields: '0.colour'",
    )
    expect(await refused(() => t.storefront.post(`/store/carts/${cartId}/shipping-methods`, { option_id: "so_missing" }), 404)).toMatchObject({
      message: "Shipping option with id: so_missing was not found",
    })
    const noAddress = await cartWith(1)
    expect(
      (await refused(() => t.storefront.post(`/store/carts/${noAddress}/shipping-methods`, { option_id: t.store.shippingOption.id }), 400)).message,
    ).toContain("shipping address")
  })
})
