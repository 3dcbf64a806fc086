import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { startHttpApp } from "../http-app.ts"
import type { HttpApp } from "../http-app.ts"
import { signedInCustomer, storeFootprint, US_ADDRESS } from "./carts-helpers.ts"

let t: HttpApp

beforeAll(async () => {
  t = await startHttpApp()
})
afterAll(() => t?.close())

type Json = Record<string, any>

async function cartOf(quantity = 1, headers: Record<string, string> = {}): Promise<string> {
  const res = await t.storefront.post(
    "/store/carts",
    { shipping_address: US_ADDRESS, items: [{ variant_id: t.store.product.variants.small.id, quantity }] },
    { headers },
  )
  expect(res.statusCode, res.body).toBe(200)
  return res.json().cart.id
}

async function refused(send: () => Promise<{ statusCode: number; json(): unknown }>, status: number): Promise<Json> {
  const before = await storeFootprint(t)
  const res = await send()
  expect(res.statusCode, JSON.stringify(res.json())).toBe(status)
  expect(await storeFootprint(t)).toEqual(before)
  return res.json() as Json
}

describe("GET /store/payment-providers", () => {
  test("lists the enabled providers of a region", async () => {
    const res = await t.storefront.get(`/store/payment-providers?region_id=${t.store.regions.usd.id}`)

    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ payment_providers: [{ id: "pp_system_default", is_enabled: true }], count: 1, offset: 0, limit: 20 })
  })

  test("a region without providers, or an unknown one, lists none", async () => {
    const bare = await t.regions.createRegions({ name: "Nowhere", currency_code: "jpy", countries: ["jp"] })
    for (const regionId of [bare.id, "reg_missing"]) {
      expect((await t.storefront.get(`/store/payment-providers?region_id=${regionId}`)).json()).toEqual({
        payment_providers: [],
        count: 0,
        offset: 0,
        limit: 20,
      })
    }
  })

  test("a disabled provider is not offered", async () => {
    await t.rows(`update payment_provider set is_enabled = false where id = 'pp_system_default'`)
    try {
      expect((await t.storefront.get(`/store/payment-providers?region_id=${t.store.regions.eur.id}`)).json().count).toBe(0)
    } finally {
      await t.rows(`update payment_provider set is_enabled = true where id = 'pp_system_default'`)
    }
  })

  test("region_id is required; fields outside the provider's are refused", async () => {
    const missing = await t.storefront.get("/store/payment-providers")
    expect(missing.statusCode).toBe(400)
    expect(missing.json().message).toBe("Invalid request: Field 'region_id' is required")

    const field = await t.storefront.get(`/store/payment-providers?region_id=${t.store.regions.usd.id}&fields=secret`)
    expect(field.statusCode).toBe(400)
    expect(field.json().message).toBe("Requested fields [secret] are not valid")
  })
})

describe("POST /store/payment-collections", () => {
  test("opens the cart's collection for its total, then answers with the same one (upsert)", async () => {
    const cartId = await cartOf(2)

    const first = await t.storefront.post("/store/payment-collections", { cart_id: cartId })
    expect(first.statusCode).toBe(200)
    const collection = first.json().payment_collection
    expect(collection).toMatchObject({ id: expect.stringMatching(/^pay_col_/), amount: 40, currency_code: "usd", status: "not_paid", payment_sessions: [] })

    const before = await storeFootprint(t)
    const again = await t.storefront.post("/store/payment-collections", { cart_id: cartId })
    expect(again.json().payment_collection.id).toBe(collection.id)
    expect(await storeFootprint(t)).toEqual(before)

    const { cart } = (await t.storefront.get(`/store/carts/${cartId}`)).json()
    expect(cart.payment_collection).toMatchObject({ id: collection.id, amount: 40, currency_code: "usd" })
  })

  test("concurrent requests for one cart open one collection", async () => {
    const cartId = await cartOf(1)
    const responses = await Promise.all(Array.from({ length: 4 }, () => t.storefront.post("/store/payment-collections", { cart_id: cartId })))
    const ids = new Set(responses.map((res) => (expect(res.statusCode, res.body).toBe(200), res.json().payment_collection.id)))
    expect(ids.size).toBe(1)
  })

  test("refusals open nothing", async () => {
    expect((await refused(() => t.storefront.post("/store/payment-collections", {}), 400)).message).toBe(
      "Invalid request: Field 'cart_id' is required",
    )
    const cartId = await cartOf(1)
    expect((await refused(() => t.storefront.post("/store/payment-collections", { cart_id: cartId, amount: 1 }), 400)).message).toContain("amount")
    expect(await refused(() => t.storefront.post("/store/payment-collections", { cart_id: "cart_missing" }), 404)).toEqual({
      type: "not_found",
      message: "Cart with id: cart_missing was not found",
    })
    await t.carts.updateCarts({ id: cartId, completed_at: new Date() })
    expect(await refused(() => t.storefront.post("/store/payment-collections", { cart_id: cartId }), 400)).toEqual({
      type: "invalid_data",
      message: `Cart ${cartId} is already completed.`,
    })
  })
})

describe("POST /store/payment-collections/:id/payment-sessions", () => {
  async function collectionOf(cartId: string, headers: Record<string, string> = {}): Promise<string> {
    return (await t.storefront.post("/store/payment-collections", { cart_id: cartId }, { headers })).json().payment_collection.id
  }

  test("opens a session with the region's provider; a new one replaces it", async () => {
    const cartId = await cartOf(1)
    const collectionId = await collectionOf(cartId)

    const first = await t.storefront.post(`/store/payment-collections/${collectionId}/payment-sessions`, { provider_id: "pp_system_default" })
    expect(first.statusCode).toBe(200)
    const sessions = first.json().payment_collection.payment_sessions
    expect(sessions).toEqual([
      expect.objectContaining({ id: expect.stringMatching(/^payses_/), provider_id: "pp_system_default", amount: 20, currency_code: "usd", status: "pending", data: {} }),
    ])

    const second = await t.storefront.post(`/store/payment-collections/${collectionId}/payment-sessions`, { provider_id: "pp_system_default", data: {} })
    const replaced = second.json().payment_collection.payment_sessions
    expect(replaced).toHaveLength(1)
    expect(replaced[0].id).not.toBe(sessions[0].id)
  })

  test("a signed-in customer is attached to the payment context", async () => {
    const ada = await signedInCustomer(t, "ada.pays@example.com")
    const cartId = await cartOf(1, ada.headers)
    const collectionId = await collectionOf(cartId, ada.headers)

    const res = await t.storefront.post(`/store/payment-collections/${collectionId}/payment-sessions`, { provider_id: "pp_system_default" }, { headers: ada.headers })

    expect(res.statusCode).toBe(200)
    expect(res.json().payment_collection.payment_sessions[0].context).toMatchObject({ cart_id: cartId, customer: { id: ada.id } })
  })

  test("refusals open nothing", async () => {
    const cartId = await cartOf(1)
    const collectionId = await collectionOf(cartId)
    const url = `/store/payment-collections/${collectionId}/payment-sessions`

    expect((await refused(() => t.storefront.post(url, {}), 400)).message).toBe("Invalid request: Field 'provider_id' is required")
    expect((await refused(() => t.storefront.post(url, { provider_id: "pp_system_default", amount: 5 }), 400)).message).toContain("amount")
    expect(await refused(() => t.storefront.post(url, { provider_id: "pp_stripe_stripe" }), 400)).toEqual({
      type: "invalid_data",
      message: `Payment provider pp_stripe_stripe is not available in region ${t.store.regions.usd.id}`,
    })
    expect(await refused(() => t.storefront.post("/store/payment-collections/pay_col_missing/payment-sessions", { provider_id: "pp_system_default" }), 404)).toEqual({
      type: "not_found",
      message: "Payment collection with id: pay_col_missing was not found",
    })

    const owner = await signedInCustomer(t, "owner.pays@example.com")
    const theirs = await collectionOf(await cartOf(1, owner.headers), owner.headers)
    expect(await refused(() => t.storefront.post(`/store/payment-collections/${theirs}/payment-sessions`, { provider_id: "pp_system_default" }), 404)).toEqual({
      type: "not_found",
      message: `Payment collection with id: ${theirs} was not found`,
    })
  })
})
