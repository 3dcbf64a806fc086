import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { seedProduct } from "../../workflows/cart/seed.ts"
import { startHttpApp } from "../http-app.ts"
import type { HttpApp } from "../http-app.ts"
import { signedInCustomer, US_ADDRESS } from "./carts-helpers.ts"

let t: HttpApp
let france: string

beforeAll(async () => {
  t = await startHttpApp()
  // A region the seeded service zone does not cover.
  france = (await t.regions.createRegions({ name: "France", currency_code: "eur", countries: ["fr"] })).id
})
afterAll(() => t?.close())

async function cart(body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<string> {
  const res = await t.storefront.post("/store/carts", { items: [{ variant_id: t.store.product.variants.small.id, quantity: 1 }], ...body }, { headers })
  expect(res.statusCode, res.body).toBe(200)
  return res.json().cart.id
}

describe("GET /store/shipping-options?cart_id=", () => {
  test("lists the options offered for the cart's address, priced in its currency", async () => {
    const cartId = await cart({ shipping_address: US_ADDRESS })

    const res = await t.storefront.get(`/store/shipping-options?cart_id=${cartId}`)

    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      shipping_options: [
        {
          id: t.store.shippingOption.id,
          name: "Standard",
          price_type: "flat",
          service_zone_id: t.store.serviceZoneId,
          shipping_profile_id: t.store.shippingProfileId,
          provider_id: "manual_manual",
          data: null,
          metadata: null,
          type: { id: expect.stringMatching(/^sotype_/), label: "Standard", description: "Ships in 3-5 days", code: "standard" },
          amount: 10,
          is_tax_inclusive: false,
          calculated_price: {
            calculated_amount: 10,
            original_amount: 10,
            is_calculated_price_tax_inclusive: false,
            is_original_price_tax_inclusive: false,
          },
        },
      ],
    })
  })

  test("a euro cart in Germany gets the euro price; fields cut the options down", async () => {
    const cartId = await cart({ region_id: t.store.regions.eur.id, shipping_address: { ...US_ADDRESS, country_code: "de" } })

    const res = await t.storefront.get(`/store/shipping-options?cart_id=${cartId}&fields=id,amount`)

    expect(res.json()).toEqual({ shipping_options: [{ id: t.store.shippingOption.id, amount: 8 }] })
  })

  test("the address country matters: none of the zones covers France", async () => {
    const cartId = await cart({ region_id: france, shipping_address: { ...US_ADDRESS, country_code: "fr" } })

    const res = await t.storefront.get(`/store/shipping-options?cart_id=${cartId}`)

    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ shipping_options: [] })
  })

  test("return options only when asked for them", async () => {
    const cartId = await cart({ shipping_address: US_ADDRESS })
    const res = await t.storefront.get(`/store/shipping-options?cart_id=${cartId}&is_return=true`)
    expect(res.json()).toEqual({ shipping_options: [] })
  })

  test("a cart without a shipping address cannot be given options yet", async () => {
    const cartId = await cart({})

    const res = await t.storefront.get(`/store/shipping-options?cart_id=${cartId}`)

    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ type: "invalid_data", message: expect.stringContaining("has no shipping address country") })
  })

  test("cart_id is required, unknown parameters are refused, and an unknown or another customer's cart is not found", async () => {
    const missing = await t.storefront.get("/store/shipping-options")
    expect(missing.statusCode).toBe(400)
    expect(missing.json().message).toBe("Invalid request: Field 'cart_id' is required")

    const unknownParam = await t.storefront.get("/store/shipping-options?cart_id=cart_1&colour=red")
    expect(unknownParam.statusCode).toBe(400)
    expect(unknownParam.json().message).toContain("colour")

    const unknown = await t.storefront.get("/store/shipping-options?cart_id=cart_missing")
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json()).toEqual({ type: "not_found", message: "Cart with id: cart_missing was not found" })

    const owner = await signedInCustomer(t, "owner@example.com")
    const theirs = await cart({ shipping_address: US_ADDRESS }, owner.headers)
    expect((await t.storefront.get(`/store/shipping-options?cart_id=${theirs}`)).statusCode).toBe(404)
    expect((await t.storefront.get(`/store/shipping-options?cart_id=${theirs}`, { headers: owner.headers })).statusCode).toBe(200)
  })

  test("an offered option without a price in the cart's currency is refused, naming it", async () => {
    const pounds = await t.regions.createRegions({ name: "United Kingdom", currency_code: "gbp", countries: ["gb"] })
    await t.fulfillment.createGeoZones({ service_zone_id: t.store.serviceZoneId, type: "country", country_code: "gb" })
    const teaTowel = await seedProduct(t, t.store, { variants: [{ key: "one", prices: { gbp: 15 } }] })
    const cartId = await cart({
      region_id: pounds.id,
      shipping_address: { ...US_ADDRESS, country_code: "gb" },
      items: [{ variant_id: teaTowel.variants.one!.id, quantity: 1 }],
    })

    const res = await t.storefront.get(`/store/shipping-options?cart_id=${cartId}`)

    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({ type: "invalid_data", message: `Shipping options with IDs ${t.store.shippingOption.id} do not have a price` })
  })
})

