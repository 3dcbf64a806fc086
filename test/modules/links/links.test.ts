import { afterAll, beforeAll, describe, expect, test } from "vitest"
import type { LinkInput } from "../../../src/framework/modules/index.ts"
import { rejection, startLinksApp } from "./links-app.ts"
import type { LinksApp } from "./links-app.ts"

let t: LinksApp
beforeAll(async () => {
  t = await startLinksApp()
})
afterAll(() => t.close())

let counter = 0
const unique = (name: string) => `${name} ${++counter}`

/** One end of a link: the module key and link column `link.create` takes, and how Query names the far side from here. */
type End = { module: string; column: string; entity: string; sees: string; list: boolean }

type LinkCase = {
  table: string
  idPrefix: string
  /** The extra columns' values of a new link. */
  data?: Record<string, unknown>
  a: End
  b: End
  /** Creates one record of each side, returning their ids. */
  make(): Promise<[string, string]>
}

const newVariant = async () => {
  const product = await t.products.createProducts({ title: unique("Shirt"), variants: [{ title: "One size" }] })
  return product.variants![0]!.id
}
const newPriceSet = async () => (await t.pricing.createPriceSets({ prices: [{ amount: 10, currency_code: "usd" }] })).id
const newChannel = async () => (await t.channels.createSalesChannels({ name: unique("Web") })).id
const newLocation = async () => (await t.locations.createStockLocations({ name: unique("Warehouse") })).id
const newCart = async () => (await t.carts.createCarts({ currency_code: "usd" })).id
const newOrder = async () => (await t.orders.createOrders({ currency_code: "usd", email: "buyer@example.com" })).id
const newCollection = async () => (await t.payment.createPaymentCollections({ currency_code: "usd", amount: "20" })).id
const newShippingOption = async () => {
  const set = await t.fulfillment.createFulfillmentSets({
    name: unique("Shipping"),
    type: "shipping",
    service_zones: [{ name: unique("US"), geo_zones: [{ country_code: "us" }] }],
  })
  const profile = await t.fulfillment.createShippingProfiles({ name: unique("Default"), type: "default" })
  const option = await t.fulfillment.createShippingOptions({
    name: unique("Standard"),
    price_type: "flat",
    service_zone_id: set.service_zones![0]!.id,
    shipping_profile_id: profile.id,
    provider_id: "manual_manual",
    type: { label: "Standard", description: "3-5 days", code: "standard" },
  })
  return option.id
}

const end = (module: string, entity: string, sees: string, list: boolean): End => ({ module, column: `${entity}_id`, entity, sees, list })

const CASES: LinkCase[] = [
  {
    table: "product_product_brand_brand",
    idPrefix: "link",
    a: end("product", "product", "brand", false),
    b: end("brand", "brand", "products", true),
    make: async () => [
      (await t.products.createProducts({ title: unique("Mug") })).id,
      (await t.brands.createBrands({ name: unique("Acme") })).id,
    ],
  },
  {
    table: "product_sales_channel",
    idPrefix: "prodsc",
    a: end("product", "product", "sales_channels", true),
    b: end("sales_channel", "sales_channel", "products", true),
    make: async () => [(await t.products.createProducts({ title: unique("Mug") })).id, await newChannel()],
  },
  {
    table: "product_variant_price_set",
    idPrefix: "pvps",
    a: end("product", "product_variant", "price_set", false),
    b: end("pricing", "price_set", "product_variant", false),
    make: async () => [await newVariant(), await newPriceSet()],
  },
  {
    table: "product_variant_inventory_item",
    idPrefix: "pvitem",
    data: { required_quantity: 1 },
    a: end("product", "product_variant", "inventory_items", true),
    b: end("inventory", "inventory_item", "product_variants", true),
    make: async () => [await newVariant(), (await t.inventory.createInventoryItems({ sku: unique("SKU").replace(" ", "-") })).id],
  },
  {
    table: "sales_channel_stock_location",
    idPrefix: "scloc",
    a: end("sales_channel", "sales_channel", "stock_locations", true),
    b: end("stock_location", "stock_location", "sales_channels", true),
    make: async () => [await newChannel(), await newLocation()],
  },
  {
    table: "publishable_api_key_sales_channel",
    idPrefix: "pksc",
    a: end("api_key", "api_key", "sales_channels", true),
    b: end("sales_channel", "sales_channel", "api_keys", true),
    make: async () => [
      (await t.apiKeys.createApiKeys({ title: unique("Storefront"), type: "publishable", created_by: "user_1" })).id,
      await newChannel(),
    ],
  },
  {
    table: "cart_payment_collection",
    idPrefix: "capaycol",
    a: end("cart", "cart", "payment_collection", false),
    b: end("payment", "payment_collection", "cart", false),
    make: async () => [await newCart(), await newCollection()],
  },
  {
    table: "order_payment_collection",
    idPrefix: "ordpay",
    a: end("order", "order", "payment_collections", true),
    b: end("payment", "payment_collection", "order", false),
    make: async () => [await newOrder(), await newCollection()],
  },
  {
    table: "order_cart",
    idPrefix: "ordercart",
    a: end("order", "order", "cart", false),
    b: end("cart", "cart", "order", false),
    make: async () => [await newOrder(), await newCart()],
  },
  {
    table: "region_payment_provider",
    idPrefix: "regpp",
    a: end("region", "region", "payment_providers", true),
    b: end("payment", "payment_provider", "regions", true),
    make: async () => {
      const [provider] = await t.payment.listPaymentProviders({ id: "pp_system_default" })
      return [(await t.regions.createRegions({ name: unique("Europe"), currency_code: "eur" })).id, provider!.id]
    },
  },
  {
    table: "location_fulfillment_set",
    idPrefix: "locfs",
    a: end("stock_location", "stock_location", "fulfillment_sets", true),
    b: end("fulfillment", "fulfillment_set", "stock_location", false),
    make: async () => [
      await newLocation(),
      (await t.fulfillment.createFulfillmentSets({ name: unique("Pickup"), type: "pickup" })).id,
    ],
  },
  {
    table: "shipping_option_price_set",
    idPrefix: "sops",
    a: end("fulfillment", "shipping_option", "price_set", false),
    b: end("pricing", "price_set", "shipping_option", false),
    make: async () => [await newShippingOption(), await newPriceSet()],
  },
]

const input = (c: LinkCase, aId: string, bId: string): LinkInput => ({
  [c.a.module]: { [c.a.column]: aId },
  [c.b.module]: { [c.b.column]: bId },
})

/** The ids Query returns under `from.sees` for the record `id` of `from`. */
async function seen(from: End, id: string): Promise<string[]> {
  const { data } = await t.query.graph({ entity: from.entity, fields: [`${from.sees}.id`], filters: { id } })
  const value = data[0]?.[from.sees] as { id: string } | { id: string }[] | null
  if (from.list) {
    expect(Array.isArray(value)).toBe(true)
    return (value as { id: string }[]).map((row) => row.id)
  }
  return value ? [(value as { id: string }).id] : []
}

describe.each(CASES)("$table", (c) => {
  test("create, list, read through Query from both sides, dismiss", async () => {
    const [aId, bId] = await c.make()

    const [row] = await t.link.create(input(c, aId, bId))
    expect(row).toMatchObject({ id: expect.stringMatching(new RegExp(`^${c.idPrefix}_`)), [c.a.column]: aId, [c.b.column]: bId })
    expect(await t.rows(`select "${c.a.column}", "${c.b.column}" from "${c.table}" where "id" = ?`, [row!.id])).toEqual([
      { [c.a.column]: aId, [c.b.column]: bId },
    ])
    const listed = await t.link.list({ [c.a.module]: { [c.a.column]: aId }, [c.b.module]: { [c.b.column]: [bId] } }, { asLinkDefinition: true })
    expect(listed).toEqual([
      { ...input(c, aId, bId), ...(c.data ? { data: c.data } : {}) },
    ])
    expect(await seen(c.a, aId)).toEqual([bId])
    expect(await seen(c.b, bId)).toEqual([aId])

    const removed = await t.link.dismiss(input(c, aId, bId))
    expect(removed.map((r) => r.id)).toEqual([row!.id])
    expect(await t.link.list(input(c, aId, bId))).toEqual([])
    expect(await seen(c.a, aId)).toEqual([])
    expect(await t.rows(`select "id" from "${c.table}" where "id" = ?`, [row!.id])).toEqual([])
  })

  test("linking a record that does not exist is not_found, naming it", async () => {
    const [aId] = await c.make()
    const error = await rejection(t.link.create(input(c, aId, `${c.b.entity}_missing`)))
    expect(error.type).toBe("not_found")
    expect(error.message).toBe(`${c.b.entity} with id: ${c.b.entity}_missing was not found`)
  })
})

describe("one-record sides", () => {
  // Where a side is not a list, each record of the other side links to one record of it.
  test.each(CASES.filter((c) => !c.a.list || !c.b.list))("$table refuses a second link on a one-record side", async (c) => {
    const [aId, bId] = await c.make()
    const [otherA, otherB] = await c.make()
    await t.link.create(input(c, aId, bId))
    // a.sees is one record: aId may not link a second b. Otherwise b.sees is one record: bId may not link a second a.
    const [second, column, id] = !c.a.list ? [input(c, aId, otherB), c.a.column, aId] : [input(c, otherA, bId), c.b.column, bId]

    const error = await rejection(t.link.create(second))

    expect(error.type).toBe("invalid_data")
    expect(error.message).toBe(`Cannot create multiple links between '${c.a.entity}' and '${c.b.entity}': ${column} ${id} is already linked`)
  })

  test("a list side takes many records: a sales channel sells from two stock locations, each serving two channels", async () => {
    const [web, app] = [await newChannel(), await newChannel()]
    const [north, south] = [await newLocation(), await newLocation()]
    await t.link.create(
      [web, app].flatMap((channel) =>
        [north, south].map((location) => ({ sales_channel: { sales_channel_id: channel }, stock_location: { stock_location_id: location } })),
      ),
    )
    const { data } = await t.query.graph({
      entity: "sales_channel",
      fields: ["id", "stock_locations.id"],
      filters: { id: [web, app] },
      pagination: { order: { created_at: "ASC" } },
    })
    expect(data).toEqual([
      { id: web, stock_locations: [{ id: north }, { id: south }].sort((x, y) => x.id.localeCompare(y.id)) },
      { id: app, stock_locations: [{ id: north }, { id: south }].sort((x, y) => x.id.localeCompare(y.id)) },
    ])
  })
})
