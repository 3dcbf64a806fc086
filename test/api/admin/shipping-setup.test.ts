import { afterAll, beforeAll, expect, test } from "vitest"
import { startHttpApp } from "../http-app.ts"
import type { HttpApp } from "../http-app.ts"

let t: HttpApp
beforeAll(async () => {
  t = await startHttpApp()
})
afterAll(() => t?.close())

/** Fails with the response body when the status is not 200, so a broken step says why. */
async function ok<T>(response: Promise<{ statusCode: number; body: string; json(): unknown }>): Promise<T> {
  const res = await response
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as T
}

test("API.md §9: the admin sets up shipping to Japan over HTTP, and a Japanese cart is offered the option", async () => {
  // The store's default sales channel, as a storefront set-up finds it.
  const { stores } = await ok<{ stores: { default_sales_channel_id: string }[] }>(t.admin.get("/admin/stores"))
  const channelId = stores[0]!.default_sales_channel_id

  const { region } = await ok<{ region: { id: string } }>(
    t.admin.post("/admin/regions", { name: "Japan", currency_code: "jpy", countries: ["jp"], payment_providers: ["pp_system_default"] }),
  )
  const { api_key: key } = await ok<{ api_key: { id: string; token: string } }>(t.admin.post("/admin/api-keys", { title: "Japan storefront", type: "publishable" }))
  await ok(t.admin.post(`/admin/api-keys/${key.id}/sales-channels`, { add: [channelId] }))

  const { stock_location: location } = await ok<{ stock_location: { id: string } }>(
    t.admin.post("/admin/stock-locations", { name: "Tokyo", address: { address_1: "1-1 Marunouchi", city: "Tokyo", country_code: "jp" } }),
  )
  await ok(t.admin.post(`/admin/stock-locations/${location.id}/sales-channels`, { add: [channelId] }))
  // 1. The location ships through the manual provider.
  await ok(t.admin.post(`/admin/stock-locations/${location.id}/fulfillment-providers`, { add: ["manual_manual"] }))
  // 2. A shipping fulfillment set served from it.
  const withSet = await ok<{ stock_location: { fulfillment_sets: { id: string }[] } }>(
    t.admin.post(`/admin/stock-locations/${location.id}/fulfillment-sets`, { name: "Tokyo shipping", type: "shipping" }, { query: { fields: "*fulfillment_sets" } }),
  )
  const fulfillmentSetId = withSet.stock_location.fulfillment_sets[0]!.id
  // 3. A service zone covering Japan.
  const { fulfillment_set } = await ok<{ fulfillment_set: { service_zones: { id: string }[] } }>(
    t.admin.post(`/admin/fulfillment-sets/${fulfillmentSetId}/service-zones`, { name: "Japan", geo_zones: [{ type: "country", country_code: "jp" }] }),
  )
  const serviceZoneId = fulfillment_set.service_zones[0]!.id
  // 4. The default shipping profile.
  const { shipping_profiles } = await ok<{ shipping_profiles: { id: string }[] }>(t.admin.get("/admin/shipping-profiles?type=default"))
  // 5. The option, priced in usd and for the region in yen.
  const { shipping_option: option } = await ok<{ shipping_option: { id: string } }>(
    t.admin.post("/admin/shipping-options", {
      name: "Yamato",
      service_zone_id: serviceZoneId,
      shipping_profile_id: shipping_profiles[0]!.id,
      provider_id: "manual_manual",
      price_type: "flat",
      type: { label: "Standard", description: "2-3 days", code: "standard" },
      prices: [{ currency_code: "usd", amount: 10 }, { region_id: region.id, amount: 1200 }],
      rules: [
        { attribute: "enabled_in_store", operator: "eq", value: "true" },
        { attribute: "is_return", operator: "eq", value: "false" },
      ],
    }),
  )

  // The storefront: a Japanese cart through the new key is offered exactly that option, in yen.
  const storefront = { headers: { "x-publishable-api-key": key.token } }
  const { cart } = await ok<{ cart: { id: string } }>(
    t.anonymous.post("/store/carts", { region_id: region.id, shipping_address: { first_name: "Aiko", address_1: "2-2", city: "Osaka", country_code: "jp" } }, storefront),
  )
  expect(cart).toMatchObject({ region_id: region.id, currency_code: "jpy", sales_channel_id: channelId })
  const { shipping_options } = await ok<{ shipping_options: unknown[] }>(t.anonymous.get(`/store/shipping-options?cart_id=${cart.id}`, storefront))
  expect(shipping_options).toEqual([expect.objectContaining({ id: option.id, name: "Yamato", amount: 1200, provider_id: "manual_manual" })])

  // And the module agrees, for the Japanese address in the store.
  const offered = await t.fulfillment.listShippingOptionsForContext({ address: { country_code: "jp" }, enabled_in_store: true, is_return: false })
  expect(offered.map((row) => row.id)).toEqual([option.id])
})
