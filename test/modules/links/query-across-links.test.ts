import { afterAll, beforeAll, expect, test } from "vitest"
import { rejection, startLinksApp } from "./links-app.ts"
import type { LinksApp } from "./links-app.ts"

let t: LinksApp
beforeAll(async () => {
  t = await startLinksApp()
})
afterAll(() => t.close())

let counter = 0
const unique = (name: string) => `${name} ${++counter}`

/** A product with one variant per price (in usd), each variant's price set linked. */
async function pricedProduct(title: string, amounts: number[], channelIds: string[] = []) {
  const product = await t.products.createProducts({
    title: unique(title),
    status: "published",
    variants: amounts.map((_, i) => ({ title: `V${i}` })),
  })
  const sets = await t.pricing.createPriceSets(amounts.map((amount) => ({ prices: [{ amount, currency_code: "usd" }] })))
  await t.link.create([
    ...product.variants!.map((variant, i) => ({ product: { product_variant_id: variant.id }, pricing: { price_set_id: sets[i]!.id } })),
    ...channelIds.map((id) => ({ product: { product_id: product.id }, sales_channel: { sales_channel_id: id } })),
  ])
  return product
}

test("products in a sales channel: by the linked id, or by the channel's own fields", async () => {
  const [web, pos] = await t.channels.createSalesChannels([{ name: unique("Web") }, { name: unique("Point of sale") }])
  const shirt = await pricedProduct("Shirt", [10], [web!.id])
  const mug = await pricedProduct("Mug", [5], [web!.id, pos!.id])
  await pricedProduct("Poster", [3], [pos!.id])
  await pricedProduct("Unlisted", [1])

  const byId = await t.query.graph({
    entity: "product",
    fields: ["id", "title"],
    filters: { sales_channel_id: [web!.id] },
    pagination: { order: { title: "ASC" } },
  })
  expect(byId.metadata.count).toBe(2)
  expect(byId.data.map((p) => p.id)).toEqual([mug.id, shirt.id])

  const byName = await t.query.graph({ entity: "product", fields: ["id"], filters: { sales_channels: { name: web!.name } } })
  expect(byName.data.map((p) => p.id).sort()).toEqual([mug.id, shirt.id].sort())

  const inNone = await t.query.graph({ entity: "product", fields: ["title"], filters: { sales_channel_id: null, id: [shirt.id, mug.id] } })
  expect(inNone.data).toEqual([])
})

test("variants with their price set's prices, and products filtered on a linked price", async () => {
  const tee = await pricedProduct("Tee", [12.5, 15])
  const cheap = await pricedProduct("Sticker", [0.99])

  const { data } = await t.query.graph({
    entity: "product",
    fields: ["id", "variants.title", "variants.price_set.prices.amount", "variants.price_set.prices.currency_code"],
    filters: { id: tee.id },
    pagination: { order: { variants: { title: "ASC" } } },
  })
  const variants = data[0]!.variants as { title: string; price_set: { id: string; prices: { amount: string; currency_code: string }[] } }[]
  expect(variants.map((v) => [v.title, v.price_set.prices.map((p) => [p.amount, p.currency_code])])).toEqual([
    ["V0", [["12.5", "usd"]]],
    ["V1", [["15", "usd"]]],
  ])

  const underOne = await t.query.graph({
    entity: "product",
    fields: ["id"],
    filters: { id: [tee.id, cheap.id], variants: { price_set: { prices: { amount: { $lt: 1 } } } } },
  })
  expect(underOne.data).toEqual([{ id: cheap.id }])
})

test("orders by customer: a filter on the order's customer_id column (customer has no `orders` relation)", async () => {
  const [ann, bob] = await t.customers.createCustomers([{ email: "ann@example.com" }, { email: "bob@example.com" }])
  const annOrders = await t.orders.createOrders([
    { currency_code: "usd", email: "ann@example.com", customer_id: ann!.id },
    { currency_code: "usd", email: "ann@example.com", customer_id: ann!.id },
  ])
  await t.orders.createOrders({ currency_code: "usd", email: "bob@example.com", customer_id: bob!.id })

  const { data, metadata } = await t.query.graph({
    entity: "order",
    fields: ["id", "display_id", "customer_id"],
    filters: { customer_id: ann!.id },
    pagination: { order: { display_id: "ASC" } },
  })
  expect(metadata.count).toBe(2)
  expect(data).toEqual(annOrders.map((order) => ({ id: order.id, display_id: order.display_id, customer_id: ann!.id })))

  // Orders keep the customer as a plain id (a module never imports another), not as a link.
  const error = await rejection(t.query.graph({ entity: "customer", fields: ["orders.id"] }))
  expect(error.type).toBe("invalid_data")
  expect(error.message).toBe("Entity 'customer' has no field or relation 'orders'")
})

test("a publishable key's channels, the products sold in them and the stock locations they sell from", async () => {
  const channel = await t.channels.createSalesChannels({ name: unique("Web") })
  const key = await t.apiKeys.createApiKeys({ title: unique("Storefront"), type: "publishable", created_by: "user_1" })
  const location = await t.locations.createStockLocations({ name: unique("Warehouse") })
  const shirt = await pricedProduct("Shirt", [10], [channel.id])
  await t.link.create([
    { api_key: { api_key_id: key.id }, sales_channel: { sales_channel_id: channel.id } },
    { sales_channel: { sales_channel_id: channel.id }, stock_location: { stock_location_id: location.id } },
  ])

  const { data } = await t.query.graph({
    entity: "api_key",
    fields: ["id", "sales_channels.name", "sales_channels.products.title", "sales_channels.stock_locations.name"],
    filters: { token: key.token },
  })

  expect(data).toEqual([
    {
      id: key.id,
      sales_channels: [
        {
          id: channel.id,
          name: channel.name,
          products: [{ id: shirt.id, title: shirt.title }],
          stock_locations: [{ id: location.id, name: location.name }],
        },
      ],
    },
  ])
  const locations = await t.query.graph({ entity: "stock_location", fields: ["id"], filters: { sales_channel_id: channel.id } })
  expect(locations.data).toEqual([{ id: location.id }])
})

test("an order with its cart and payment collections; a region with its payment providers", async () => {
  const region = await t.regions.createRegions({ name: unique("Europe"), currency_code: "eur" })
  const cart = await t.carts.createCarts({ currency_code: "eur", region_id: region.id })
  const order = await t.orders.createOrders({ currency_code: "eur", email: "ann@example.com", region_id: region.id })
  const collection = await t.payment.createPaymentCollections({ currency_code: "eur", amount: "42.5" })
  await t.payment.listPaymentProviders()
  await t.link.create([
    { order: { order_id: order.id }, cart: { cart_id: cart.id } },
    { cart: { cart_id: cart.id }, payment: { payment_collection_id: collection.id } },
    { order: { order_id: order.id }, payment: { payment_collection_id: collection.id } },
    { region: { region_id: region.id }, payment: { payment_provider_id: "pp_system_default" } },
  ])

  const { data } = await t.query.graph({
    entity: "order",
    fields: ["id", "cart.id", "cart.payment_collection.amount", "payment_collections.amount", "payment_collections.status"],
    filters: { id: order.id },
  })
  expect(data).toEqual([
    {
      id: order.id,
      cart: { id: cart.id, payment_collection: { id: collection.id, amount: "42.5" } },
      payment_collections: [{ id: collection.id, amount: "42.5", status: "not_paid" }],
    },
  ])

  const regions = await t.query.graph({ entity: "region", fields: ["payment_providers.id"], filters: { id: region.id } })
  expect(regions.data).toEqual([{ id: region.id, payment_providers: [{ id: "pp_system_default" }] }])
})
