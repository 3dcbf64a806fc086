import type { AgoraContainer } from "../../framework/container/index.ts"
import { API_KEY_MODULE } from "../../modules/api-key/index.ts"
import type { ApiKeyModuleService } from "../../modules/api-key/index.ts"
import { FULFILLMENT_MODULE } from "../../modules/fulfillment/index.ts"
import type { FulfillmentModuleService } from "../../modules/fulfillment/index.ts"
import { PAYMENT_MODULE } from "../../modules/payment/index.ts"
import type { PaymentModuleService } from "../../modules/payment/index.ts"
import { REGION_MODULE } from "../../modules/region/index.ts"
import type { RegionModuleService } from "../../modules/region/index.ts"
import { STOCK_LOCATION_MODULE } from "../../modules/stock-location/index.ts"
import type { StockLocationModuleService } from "../../modules/stock-location/index.ts"
import { createApiKeysWorkflow, linkSalesChannelsToApiKeyWorkflow } from "../../workflows/api-key/index.ts"
import { createDefaultsWorkflow } from "../../workflows/defaults/index.ts"
import { createServiceZonesWorkflow, createShippingOptionsWorkflow, createShippingProfilesWorkflow } from "../../workflows/fulfillment/index.ts"
import { createRegionsWorkflow } from "../../workflows/region/index.ts"
import {
  createLocationFulfillmentSetWorkflow,
  createStockLocationsWorkflow,
  linkFulfillmentProvidersToStockLocationWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "../../workflows/stock-location/index.ts"
import { updateStoresWorkflow } from "../../workflows/store/index.ts"

export const SYSTEM_PAYMENT_PROVIDER = "pp_system_default"
export const MANUAL_FULFILLMENT_PROVIDER = "manual_manual"

const REGIONS = [
  { name: "Europe", currency_code: "eur", countries: ["at", "be", "de", "es", "fi", "fr", "ie", "it", "nl", "pt"] },
  { name: "North America", currency_code: "usd", countries: ["ca", "us"] },
]
const KEY_TITLE = "Webshop"
const LOCATION_NAME = "Main Warehouse"
const SHIPPING_OPTION_NAME = "Standard Shipping"
const SHIPPING_PRICES = [
  { currency_code: "eur", amount: 8 },
  { currency_code: "usd", amount: 10 },
]

export type DemoStore = {
  storeId: string
  salesChannelId: string
  regions: { id: string; name: string; currency_code: string; countries: string[] }[]
  publishableKey: { id: string; token: string }
  stockLocation: { id: string; name: string }
  shippingOption: { id: string; name: string }
}

/**
 * Everything a storefront needs around the catalog: the store and its default sales channel,
 * a region per currency offering the system payment provider, a publishable key for the channel,
 * a warehouse selling to it that ships through the manual provider to every region's countries,
 * and a flat "Standard Shipping" option. What exists already (by name) is kept, so that a run
 * stopped half-way can be run again.
 */
export async function setUpDemoStore(container: AgoraContainer, createdBy: string): Promise<DemoStore> {
  // Provider rows are written when a module first loads its providers; regions and locations link to them.
  await container.resolve<PaymentModuleService>(PAYMENT_MODULE).listPaymentProviders()
  await container.resolve<FulfillmentModuleService>(FULFILLMENT_MODULE).listFulfillmentProviders()

  const { result: store } = await createDefaultsWorkflow(container).run({ input: undefined })
  const salesChannelId = store.default_sales_channel_id
  if (!salesChannelId) throw new Error(`Store ${store.id} has no default sales channel`)

  const regions = await findOrCreateRegions(container)
  const location = await findOrCreateLocation(container)
  await updateStoresWorkflow(container).run({
    input: {
      stores: [
        {
          id: store.id,
          supported_currencies: [
            { currency_code: "usd", is_default: true },
            { currency_code: "eur", is_default: false },
          ],
          default_region_id: regions.find((region) => region.currency_code === "usd")?.id ?? null,
          default_location_id: location.id,
        },
      ],
    },
  })
  await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: location.id, add: [salesChannelId] } })
  const key = await findOrCreateKey(container, createdBy)
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [salesChannelId] } })
  const shippingOption = await findOrCreateShipping(container, location.id, regions.flatMap((region) => region.countries))
  return {
    storeId: store.id,
    salesChannelId,
    regions,
    publishableKey: { id: key.id, token: key.token },
    stockLocation: { id: location.id, name: LOCATION_NAME },
    shippingOption: { id: shippingOption.id, name: SHIPPING_OPTION_NAME },
  }
}

async function findOrCreateKey(container: AgoraContainer, createdBy: string): Promise<{ id: string; token: string }> {
  const [existing] = await container
    .resolve<ApiKeyModuleService>(API_KEY_MODULE)
    .listApiKeys({ title: KEY_TITLE, type: "publishable", revoked_at: null }, { take: 1 })
  if (existing) return existing
  const { result } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: KEY_TITLE, type: "publishable", created_by: createdBy }] },
  })
  return result[0]!
}

async function findOrCreateRegions(container: AgoraContainer): Promise<DemoStore["regions"]> {
  const regions = container.resolve<RegionModuleService>(REGION_MODULE)
  const existing = await regions.listRegions({ name: REGIONS.map((region) => region.name) })
  const missing = REGIONS.filter((wanted) => !existing.some((region) => region.name === wanted.name))
  if (missing.length > 0) {
    await createRegionsWorkflow(container).run({
      input: { regions: missing.map((region) => ({ ...region, payment_providers: [SYSTEM_PAYMENT_PROVIDER] })) },
    })
  }
  const all = await regions.listRegions({ name: REGIONS.map((region) => region.name) }, { order: { name: "ASC" } })
  // Read past the unit of work's cache: it may hold the countries as they were before the regions claimed them.
  const countries = await regions.listCountries({ region_id: all.map((region) => region.id) })
  return all.map((region) => ({
    id: region.id,
    name: region.name,
    currency_code: region.currency_code,
    countries: countries
      .filter((country) => country.region_id === region.id)
      .map((country) => country.iso_2)
      .sort(),
  }))
}

async function findOrCreateLocation(container: AgoraContainer): Promise<{ id: string }> {
  const locations = container.resolve<StockLocationModuleService>(STOCK_LOCATION_MODULE)
  const [existing] = await locations.listStockLocations({ name: LOCATION_NAME }, { take: 1 })
  if (existing) return existing
  const { result } = await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: LOCATION_NAME, address: { address_1: "1 Harbour Road", city: "Hamburg", country_code: "de" } }] },
  })
  return result[0]!
}

/**
 * As an admin sets up shipping: the location ships through the manual provider, from a shipping
 * fulfillment set whose service zone covers `countries`; the default shipping profile; and the
 * flat option with a price per currency, offered in the store and not for returns.
 */
async function findOrCreateShipping(container: AgoraContainer, locationId: string, countries: string[]): Promise<{ id: string }> {
  const fulfillment = container.resolve<FulfillmentModuleService>(FULFILLMENT_MODULE)
  await linkFulfillmentProvidersToStockLocationWorkflow(container).run({ input: { id: locationId, add: [MANUAL_FULFILLMENT_PROVIDER] } })

  const setName = `${LOCATION_NAME} shipping`
  const [existingSet] = await fulfillment.listFulfillmentSets({ name: setName }, { take: 1, relations: ["service_zones"] })
  let serviceZoneId = existingSet?.service_zones?.[0]?.id
  if (!serviceZoneId) {
    const fulfillmentSetId =
      existingSet?.id ??
      (await createLocationFulfillmentSetWorkflow(container).run({
        input: { location_id: locationId, fulfillment_set_data: { name: setName, type: "shipping" } },
      })).result.id
    const { result: zones } = await createServiceZonesWorkflow(container).run({
      input: {
        data: [
          {
            fulfillment_set_id: fulfillmentSetId,
            name: "Europe and North America",
            geo_zones: countries.map((country_code) => ({ type: "country" as const, country_code })),
          },
        ],
      },
    })
    serviceZoneId = zones[0]!.id
  }

  const [existingOption] = await fulfillment.listShippingOptions({ name: SHIPPING_OPTION_NAME, service_zone_id: serviceZoneId }, { take: 1 })
  if (existingOption) return existingOption
  const [existingProfile] = await fulfillment.listShippingProfiles({ type: "default" }, { take: 1 })
  const profile =
    existingProfile ??
    (await createShippingProfilesWorkflow(container).run({ input: { data: [{ name: "Default Shipping Profile", type: "default" }] } })).result[0]!
  const { result: options } = await createShippingOptionsWorkflow(container).run({
    input: {
      shipping_options: [
        {
          name: SHIPPING_OPTION_NAME,
          price_type: "flat",
          service_zone_id: serviceZoneId,
          shipping_profile_id: profile.id,
          provider_id: MANUAL_FULFILLMENT_PROVIDER,
          type: { label: "Standard", description: "Ships in 2-3 days.", code: "standard" },
          rules: [
            { attribute: "enabled_in_store", operator: "eq", value: "true" },
            { attribute: "is_return", operator: "eq", value: "false" },
          ],
          prices: SHIPPING_PRICES,
        },
      ],
    },
  })
  return options[0]!
}
