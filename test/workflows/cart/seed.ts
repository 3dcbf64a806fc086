/**
 * A small, complete store for cart and checkout tests, written through the module services and the
 * link service (not through workflows), so that workflow tests depend only on the modules:
 *
 * ```ts
 * const t = await startCommerceApp()          // ./app.ts
 * const store = await seedStore(t)
 * const { result: cart } = await createCartWorkflow(t.container).run({
 *   input: { items: [{ variant_id: store.product.variants.small.id, quantity: 1 }] },
 * })
 * ```
 *
 * What it creates:
 * - region `usd` ("North America": us, ca) and region `eur` ("Germany": de, one country), both
 *   offering the system payment provider `pp_system_default`;
 * - a sales channel (the store's default), a publishable key linked to it, a store whose default
 *   region is `usd`;
 * - a stock location linked to the channel, with a shipping fulfillment set whose service zone
 *   covers us, ca and de, a default shipping profile, and a flat shipping option "Standard"
 *   (usd 10, eur 8) with the store rules `enabled_in_store = true`, `is_return = false`;
 * - a published T-shirt in the channel with variants S (usd 20, eur 18) and M (usd 25, eur 22), each
 *   with its own inventory item stocked `stock` units (default 10) at the location.
 *
 * `seedProduct(t, store, ...)` adds further products in the same set-up (other stock, no price in a
 * currency, not published, outside the channel, unmanaged inventory, backorders ...).
 */
import type { CommerceApp } from "./app.ts"

export const SYSTEM_PAYMENT_PROVIDER = "pp_system_default"
export const MANUAL_FULFILLMENT_PROVIDER = "manual_manual"

export type SeededVariant = {
  id: string
  sku: string
  title: string
  /** Its prices by currency, as decimals. */
  prices: Record<string, number>
  /** Undefined when the variant does not manage inventory. */
  inventoryItemId: string | undefined
}

export type SeededProduct = { id: string; title: string; handle: string; variants: Record<string, SeededVariant> }

export type SeededStore = {
  storeId: string
  regions: {
    usd: { id: string; name: string; currency_code: "usd"; countries: string[] }
    eur: { id: string; name: string; currency_code: "eur"; countries: string[] }
  }
  salesChannelId: string
  publishableKey: { id: string; token: string }
  stockLocationId: string
  fulfillmentSetId: string
  serviceZoneId: string
  shippingProfileId: string
  shippingOption: { id: string; name: string; prices: Record<string, number> }
  product: SeededProduct & { variants: { small: SeededVariant; medium: SeededVariant } }
}

export type SeedOptions = {
  /** Units stocked of each T-shirt variant at the location (default 10). */
  stock?: number
}

export type ProductOptions = {
  title?: string
  status?: "draft" | "published"
  /** Sales channels to link the product to (default: the store's channel; `[]` for none). */
  salesChannelIds?: string[]
  variants?: {
    key: string
    title?: string
    /** Prices by currency; a currency left out has no price. */
    prices?: Record<string, number>
    /** Units at the store's location (default 10); `null` for an inventory item with no level there. */
    stock?: number | null
    manage_inventory?: boolean
    allow_backorder?: boolean
    /** Units of the inventory item one unit of the variant takes (default 1). */
    required_quantity?: number
    requires_shipping?: boolean
  }[]
}

let sequence = 0
const unique = (name: string) => `${name} ${++sequence}`

export async function seedStore(t: CommerceApp, options: SeedOptions = {}): Promise<SeededStore> {
  const stock = options.stock ?? 10
  // Provider rows are written when a module first loads its providers; links need the rows.
  await t.payment.listPaymentProviders()
  await t.fulfillment.listFulfillmentProviders()

  const [usd, eur] = await t.regions.createRegions([
    { name: "North America", currency_code: "usd", countries: ["us", "ca"] },
    { name: "Germany", currency_code: "eur", countries: ["de"] },
  ])
  const channel = await t.channels.createSalesChannels({ name: "Default Sales Channel" })
  const store = await t.stores.createStores({
    name: "Agora Test Store",
    default_region_id: usd!.id,
    default_sales_channel_id: channel.id,
    supported_currencies: [{ currency_code: "usd", is_default: true }, { currency_code: "eur" }],
  })
  const key = await t.apiKeys.createApiKeys({ title: "Storefront", type: "publishable", created_by: "seed" })
  const location = await t.locations.createStockLocations({ name: "Warehouse", address: { address_1: "1 Dock St", country_code: "us" } })
  const fulfillmentSet = await t.fulfillment.createFulfillmentSets({
    name: unique("Warehouse shipping"),
    type: "shipping",
    service_zones: [
      {
        name: unique("Everywhere we ship"),
        geo_zones: [
          { type: "country", country_code: "us" },
          { type: "country", country_code: "ca" },
          { type: "country", country_code: "de" },
        ],
      },
    ],
  })
  const serviceZoneId = fulfillmentSet.service_zones![0]!.id
  const profile = await t.fulfillment.createShippingProfiles({ name: unique("Default"), type: "default" })
  const option = await t.fulfillment.createShippingOptions({
    name: "Standard",
    price_type: "flat",
    service_zone_id: serviceZoneId,
    shipping_profile_id: profile.id,
    provider_id: MANUAL_FULFILLMENT_PROVIDER,
    type: { label: "Standard", description: "Ships in 3-5 days", code: "standard" },
    rules: [
      { attribute: "enabled_in_store", operator: "eq", value: "true" },
      { attribute: "is_return", operator: "eq", value: "false" },
    ],
  })
  const shippingPrices = { usd: 10, eur: 8 }
  const shippingPriceSet = await t.pricing.createPriceSets({
    prices: Object.entries(shippingPrices).map(([currency_code, amount]) => ({ currency_code, amount })),
  })

  await t.link.create([
    { region: { region_id: usd!.id }, payment: { payment_provider_id: SYSTEM_PAYMENT_PROVIDER } },
    { region: { region_id: eur!.id }, payment: { payment_provider_id: SYSTEM_PAYMENT_PROVIDER } },
    { api_key: { api_key_id: key.id }, sales_channel: { sales_channel_id: channel.id } },
    { sales_channel: { sales_channel_id: channel.id }, stock_location: { stock_location_id: location.id } },
    { stock_location: { stock_location_id: location.id }, fulfillment: { fulfillment_set_id: fulfillmentSet.id } },
    { fulfillment: { shipping_option_id: option.id }, pricing: { price_set_id: shippingPriceSet.id } },
  ])

  const seeded = {
    storeId: store.id,
    regions: {
      usd: { id: usd!.id, name: usd!.name, currency_code: "usd" as const, countries: ["ca", "us"] },
      eur: { id: eur!.id, name: eur!.name, currency_code: "eur" as const, countries: ["de"] },
    },
    salesChannelId: channel.id,
    publishableKey: { id: key.id, token: key.token },
    stockLocationId: location.id,
    fulfillmentSetId: fulfillmentSet.id,
    serviceZoneId,
    shippingProfileId: profile.id,
    shippingOption: { id: option.id, name: option.name, prices: shippingPrices },
  }
  const product = await seedProduct(t, seeded, {
    title: "T-shirt",
    variants: [
      { key: "small", title: "S", prices: { usd: 20, eur: 18 }, stock },
      { key: "medium", title: "M", prices: { usd: 25, eur: 22 }, stock },
    ],
  })
  const { small, medium } = product.variants
  return { ...seeded, product: { ...product, variants: { small: small!, medium: medium! } } }
}

/** A product in the seeded store: its variants priced, stocked at the store's location, and linked as asked. */
export async function seedProduct(
  t: CommerceApp,
  store: Pick<SeededStore, "salesChannelId" | "stockLocationId">,
  options: ProductOptions = {},
): Promise<SeededProduct> {
  const title = options.title ?? unique("Mug")
  const handle = `${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${++sequence}`
  const specs = options.variants ?? [{ key: "default", prices: { usd: 10, eur: 9 } }]
  const product = await t.products.createProducts({
    title,
    handle,
    subtitle: `${title} subtitle`,
    description: `A ${title} for tests`,
    thumbnail: `https://example.com/${handle}.png`,
    status: options.status ?? "published",
    options: [{ title: "Size", values: specs.map((spec) => spec.title ?? spec.key) }],
    variants: specs.map((spec) => ({
      title: spec.title ?? spec.key,
      sku: `${handle}-${spec.key}`.toUpperCase(),
      manage_inventory: spec.manage_inventory ?? true,
      allow_backorder: spec.allow_backorder ?? false,
      options: { Size: spec.title ?? spec.key },
    })),
  })
  const links: Parameters<CommerceApp["link"]["create"]>[0] = []
  for (const channelId of options.salesChannelIds ?? [store.salesChannelId]) {
    links.push({ product: { product_id: product.id }, sales_channel: { sales_channel_id: channelId } })
  }
  const variants: Record<string, SeededVariant> = {}
  for (const [i, spec] of specs.entries()) {
    const variant = product.variants![i]!
    const prices = spec.prices ?? { usd: 10, eur: 9 }
    const priceSet = await t.pricing.createPriceSets({
      prices: Object.entries(prices).map(([currency_code, amount]) => ({ currency_code, amount })),
    })
    links.push({ product: { product_variant_id: variant.id }, pricing: { price_set_id: priceSet.id } })
    let inventoryItemId: string | undefined
    if (spec.manage_inventory !== false) {
      const item = await t.inventory.createInventoryItems({
        sku: variant.sku,
        title: variant.title,
        requires_shipping: spec.requires_shipping ?? true,
      })
      inventoryItemId = item.id
      if (spec.stock !== null) {
        await t.inventory.createInventoryLevels({
          inventory_item_id: item.id,
          location_id: store.stockLocationId,
          stocked_quantity: spec.stock ?? 10,
        })
      }
      links.push({
        product: { product_variant_id: variant.id },
        inventory: { inventory_item_id: item.id },
        data: { required_quantity: spec.required_quantity ?? 1 },
      })
    }
    variants[spec.key] = { id: variant.id, sku: variant.sku!, title: variant.title, prices, inventoryItemId }
  }
  await t.link.create(links)
  return { id: product.id, title, handle, variants }
}
