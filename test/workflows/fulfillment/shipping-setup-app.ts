import type { CommerceApp } from "../cart/app.ts"
import { tableState } from "./table-state.ts"

export const FULFILLMENT_TABLES = [
  "fulfillment_set",
  "service_zone",
  "geo_zone",
  "shipping_profile",
  "shipping_option",
  "shipping_option_type",
  "shipping_option_rule",
  "price_set",
  "price",
  "price_rule",
]
export const FULFILLMENT_LINKS = ["location_fulfillment_set", "location_fulfillment_provider", "shipping_option_price_set"]

/** The rows of every table the shipping set-up writes (see `tableState`). */
export const shippingState = (t: CommerceApp) => tableState(t, [...FULFILLMENT_TABLES, "stock_location", "stock_location_address"], FULFILLMENT_LINKS)

let sequence = 0

/** A stock location shipping through the manual provider, with a shipping fulfillment set covering `countries`, and a profile. */
export async function shippingLocation(t: CommerceApp, countries: string[] = ["us"]) {
  const n = ++sequence
  await t.fulfillment.listFulfillmentProviders()
  const location = await t.locations.createStockLocations({ name: `Warehouse ${n}` })
  const set = await t.fulfillment.createFulfillmentSets({
    name: `Shipping ${n}`,
    type: "shipping",
    service_zones: [{ name: `Zone ${n}`, geo_zones: countries.map((country_code) => ({ type: "country" as const, country_code })) }],
  })
  const profile = await t.fulfillment.createShippingProfiles({ name: `Profile ${n}`, type: "default" })
  await t.link.create([
    { stock_location: { stock_location_id: location.id }, fulfillment: { fulfillment_set_id: set.id } },
    { stock_location: { stock_location_id: location.id }, fulfillment: { fulfillment_provider_id: "manual_manual" } },
  ])
  return { locationId: location.id, fulfillmentSetId: set.id, serviceZoneId: set.service_zones![0]!.id, profileId: profile.id }
}

/** A flat option shipping through the manual provider, as the admin creates one. */
export function optionInput(zone: { serviceZoneId: string; profileId: string }, overrides: Record<string, unknown> = {}) {
  return {
    name: `Standard ${++sequence}`,
    price_type: "flat" as const,
    service_zone_id: zone.serviceZoneId,
    shipping_profile_id: zone.profileId,
    provider_id: "manual_manual",
    type: { label: "Standard", description: "3-5 days", code: "standard" },
    prices: [{ currency_code: "usd", amount: 10 }],
    rules: [
      { attribute: "enabled_in_store", operator: "eq" as const, value: "true" },
      { attribute: "is_return", operator: "eq" as const, value: "false" },
    ],
    ...overrides,
  }
}
