import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { listShippingOptionsForCartWorkflow } from "../../../src/workflows/cart/index.ts"
import { startCommerceApp, workflowFailure } from "./app.ts"
import type { CommerceApp } from "./app.ts"
import { newCart, US_ADDRESS } from "./carts.ts"
import { MANUAL_FULFILLMENT_PROVIDER, seedStore } from "./seed.ts"
import type { SeededStore } from "./seed.ts"

let t: CommerceApp
let s: SeededStore

beforeAll(async () => {
  t = await startCommerceApp()
  s = await seedStore(t)
})
afterAll(() => t.close())

const list = (cartId: string, isReturn?: boolean) =>
  listShippingOptionsForCartWorkflow(t.container).run({ input: { cart_id: cartId, ...(isReturn === undefined ? {} : { is_return: isReturn }) } })

describe("listShippingOptionsForCartWorkflow", () => {
  test("lists the options offered for the cart's address, with their type and the price in its currency", async () => {
    const usd = await newCart(t, s)
    const eur = await newCart(t, s, { region_id: s.regions.eur.id, shipping_address: { ...US_ADDRESS, country_code: "de" } })

    const { result } = await list(usd.id)
    expect(result).toEqual([
      expect.objectContaining({
        id: s.shippingOption.id,
        name: "Standard",
        amount: "10",
        is_tax_inclusive: false,
        service_zone_id: s.serviceZoneId,
        shipping_profile_id: s.shippingProfileId,
        provider_id: MANUAL_FULFILLMENT_PROVIDER,
        type: expect.objectContaining({ label: "Standard", code: "standard" }),
      }),
    ])
    expect((await list(eur.id)).result.map((option) => option.amount)).toEqual(["8"])
  })

  test("return options are listed only for returns", async () => {
    const cart = await newCart(t, s)
    expect((await list(cart.id, true)).result).toEqual([])
  })

  test("an address outside every service zone gets no option; a cart without address country or a missing cart is refused", async () => {
    const france = await t.regions.createRegions({ name: "France", currency_code: "eur", countries: ["fr"] })
    const french = await newCart(t, s, { region_id: france.id, shipping_address: { ...US_ADDRESS, country_code: "fr" } })
    expect((await list(french.id)).result).toEqual([])

    const noAddress = await newCart(t, s, { shipping_address: null })
    expect((await workflowFailure(list(noAddress.id))).message).toContain("has no shipping address country")
    expect(await workflowFailure(list("cart_missing"))).toMatchObject({ type: "not_found", message: "Cart with id: cart_missing was not found" })
  })

  test("an offered option with no price in the cart's currency is invalid_data naming it", async () => {
    const pounds = await t.regions.createRegions({ name: "United Kingdom", currency_code: "gbp", countries: ["gb"] })
    await t.fulfillment.createGeoZones({ service_zone_id: s.serviceZoneId, type: "country", country_code: "gb" })
    const cart = await newCart(t, s, { region_id: pounds.id, shipping_address: { ...US_ADDRESS, country_code: "gb" }, items: [] })

    expect(await workflowFailure(list(cart.id))).toMatchObject({
      type: "invalid_data",
      message: `Shipping options with IDs ${s.shippingOption.id} do not have a price`,
    })
  })
})
