import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { startLinksApp } from "./links-app.ts"
import type { LinksApp } from "./links-app.ts"

let t: LinksApp
beforeAll(async () => {
  t = await startLinksApp()
})
afterAll(() => t.close())

let counter = 0
const unique = (name: string) => `${name} ${++counter}`

/** A product with two variants, each with a price set and an inventory item, a brand and a sales channel, all linked. */
async function linkedProduct() {
  const product = await t.products.createProducts({ title: unique("Shirt"), variants: [{ title: "S" }, { title: "M" }] })
  const variantIds = product.variants!.map((variant) => variant.id)
  const priceSets = await t.pricing.createPriceSets(variantIds.map(() => ({ prices: [{ amount: 10, currency_code: "usd" }] })))
  const items = await t.inventory.createInventoryItems([{ title: unique("Shirt S") }, { title: unique("Shirt M") }])
  const brand = await t.brands.createBrands({ name: unique("Acme") })
  const channel = await t.channels.createSalesChannels({ name: unique("Web") })
  await t.link.create([
    { product: { product_id: product.id }, brand: { brand_id: brand.id } },
    { product: { product_id: product.id }, sales_channel: { sales_channel_id: channel.id } },
    ...variantIds.map((id, i) => ({ product: { product_variant_id: id }, pricing: { price_set_id: priceSets[i]!.id } })),
    ...variantIds.map((id, i) => ({ product: { product_variant_id: id }, inventory: { inventory_item_id: items[i]!.id } })),
  ])
  return {
    productId: product.id,
    variantIds,
    priceSetIds: priceSets.map((set) => set.id),
    itemIds: items.map((item) => item.id),
    brandId: brand.id,
    channelId: channel.id,
  }
}

/** The link rows of a record in `table`, live or soft-deleted. */
const linkRows = (table: string, column: string, ids: string[]) =>
  t.rows<{ deleted_at: Date | null }>(`select "deleted_at" from "${table}" where "${column}" in (${ids.map(() => "?").join(", ")})`, ids)

const live = (rows: { deleted_at: Date | null }[]) => rows.filter((row) => row.deleted_at === null).length

describe("a product's links follow it", () => {
  test("soft delete: its links and its variants' links go, the variants' price sets with them; brand, channel and items stay", async () => {
    const p = await linkedProduct()

    await t.products.softDeleteProducts(p.productId)

    expect(await t.link.list({ product: { product_id: p.productId }, brand: { brand_id: p.brandId } })).toEqual([])
    expect(await t.link.list({ product: { product_id: p.productId }, sales_channel: { sales_channel_id: p.channelId } })).toEqual([])
    expect(await t.link.list({ product: { product_variant_id: p.variantIds }, pricing: { price_set_id: p.priceSetIds } })).toEqual([])
    expect(await t.link.list({ product: { product_variant_id: p.variantIds }, inventory: { inventory_item_id: p.itemIds } })).toEqual([])
    // Soft-deleted, not gone: restore can bring them back.
    expect(await linkRows("product_variant_price_set", "product_variant_id", p.variantIds)).toHaveLength(2)
    expect(await t.pricing.listPriceSets({ id: p.priceSetIds })).toEqual([])
    expect(await t.inventory.listInventoryItems({ id: p.itemIds })).toHaveLength(2)
    expect(await t.brands.listBrands({ id: p.brandId })).toHaveLength(1)

    const channel = await t.query.graph({ entity: "sales_channel", fields: ["products.id"], filters: { id: p.channelId } })
    expect(channel.data).toEqual([{ id: p.channelId, products: [] }])
  })

  test("restore brings the links and the cascaded price sets back", async () => {
    const p = await linkedProduct()
    await t.products.softDeleteProducts(p.productId)

    await t.products.restoreProducts(p.productId)

    const { data } = await t.query.graph({
      entity: "product",
      fields: ["id", "brand.id", "sales_channels.id", "variants.price_set.prices.amount", "variants.inventory_items.id"],
      filters: { id: p.productId },
    })
    expect(data[0]).toMatchObject({ brand: { id: p.brandId }, sales_channels: [{ id: p.channelId }] })
    type Variant = { id: string; price_set: { id: string; prices: { amount: string }[] }; inventory_items: { id: string }[] }
    const variants = data[0]!.variants as Variant[]
    expect(variants.map((variant) => variant.price_set.id).sort()).toEqual([...p.priceSetIds].sort())
    expect(variants.every((variant) => variant.price_set.prices[0]?.amount === "10")).toBe(true)
    expect(variants.flatMap((variant) => variant.inventory_items.map((item) => item.id)).sort()).toEqual([...p.itemIds].sort())
  })

  test("hard delete: the link rows are deleted, and the price sets with them", async () => {
    const p = await linkedProduct()

    await t.products.deleteProducts(p.productId)

    expect(await linkRows("product_product_brand_brand", "product_id", [p.productId])).toEqual([])
    expect(await linkRows("product_sales_channel", "product_id", [p.productId])).toEqual([])
    expect(await linkRows("product_variant_price_set", "product_variant_id", p.variantIds)).toEqual([])
    expect(await linkRows("product_variant_inventory_item", "product_variant_id", p.variantIds)).toEqual([])
    expect(await t.rows(`select "id" from "price_set" where "id" in (?, ?)`, p.priceSetIds)).toEqual([])
    expect(await t.inventory.listInventoryItems({ id: p.itemIds })).toHaveLength(2)
  })

  test("deleting a price set removes its variant's link but keeps the variant: the cascade runs one way", async () => {
    const p = await linkedProduct()

    await t.pricing.deletePriceSets(p.priceSetIds[0]!)

    expect(await linkRows("product_variant_price_set", "product_variant_id", [p.variantIds[0]!])).toEqual([])
    expect(live(await linkRows("product_variant_price_set", "product_variant_id", [p.variantIds[1]!]))).toBe(1)
    expect(await t.products.listProductVariants({ id: p.variantIds })).toHaveLength(2)
  })
})

describe("deleteCascade of the other links", () => {
  test("deleting an order deletes its payment collections", async () => {
    const order = await t.orders.createOrders({ currency_code: "usd", email: "buyer@example.com" })
    const collections = await t.payment.createPaymentCollections([
      { currency_code: "usd", amount: "20" },
      { currency_code: "usd", amount: "5" },
    ])
    const kept = await t.payment.createPaymentCollections({ currency_code: "usd", amount: "1" })
    await t.link.create(collections.map((c) => ({ order: { order_id: order.id }, payment: { payment_collection_id: c.id } })))

    await t.orders.deleteOrders(order.id)

    expect(await t.payment.listPaymentCollections({ id: [...collections.map((c) => c.id), kept.id] })).toEqual([
      expect.objectContaining({ id: kept.id }),
    ])
    expect(await linkRows("order_payment_collection", "order_id", [order.id])).toEqual([])
  })

  test("soft-deleting a stock location soft-deletes its fulfillment sets, and restoring it restores them", async () => {
    const location = await t.locations.createStockLocations({ name: unique("Warehouse") })
    const set = await t.fulfillment.createFulfillmentSets({ name: unique("Warehouse shipping"), type: "shipping" })
    await t.link.create({ stock_location: { stock_location_id: location.id }, fulfillment: { fulfillment_set_id: set.id } })

    await t.locations.softDeleteStockLocations(location.id)
    expect(await t.fulfillment.listFulfillmentSets({ id: set.id })).toEqual([])

    await t.locations.restoreStockLocations(location.id)
    expect(await t.fulfillment.listFulfillmentSets({ id: set.id })).toEqual([expect.objectContaining({ id: set.id })])
    const { data } = await t.query.graph({ entity: "fulfillment_set", fields: ["stock_location.name"], filters: { id: set.id } })
    expect(data).toEqual([{ id: set.id, stock_location: { id: location.id, name: location.name } }])
  })

  test("link.delete soft-deletes a stock location's links and its fulfillment sets; link.restore brings them back", async () => {
    const location = await t.locations.createStockLocations({ name: unique("Warehouse") })
    const set = await t.fulfillment.createFulfillmentSets({ name: unique("Warehouse shipping"), type: "shipping" })
    await t.link.create({ stock_location: { stock_location_id: location.id }, fulfillment: { fulfillment_set_id: set.id } })

    await t.link.delete({ stock_location: { stock_location_id: location.id } })
    expect(await t.fulfillment.listFulfillmentSets({ id: set.id })).toEqual([])

    await t.link.restore({ stock_location: { stock_location_id: location.id } })
    const { data } = await t.query.graph({ entity: "fulfillment_set", fields: ["stock_location.name"], filters: { id: set.id } })
    expect(data).toEqual([{ id: set.id, stock_location: { id: location.id, name: location.name } }])
  })

  test("deleting a shipping option deletes its price set", async () => {
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
    const prices = await t.pricing.createPriceSets({ prices: [{ amount: 4.5, currency_code: "usd" }] })
    await t.link.create({ fulfillment: { shipping_option_id: option.id }, pricing: { price_set_id: prices.id } })

    await t.fulfillment.softDeleteShippingOptions(option.id)

    expect(await t.pricing.listPriceSets({ id: prices.id })).toEqual([])
    expect(live(await linkRows("shipping_option_price_set", "shipping_option_id", [option.id]))).toBe(0)
  })

  test("deleting an inventory item removes its variant links and keeps the variant", async () => {
    const p = await linkedProduct()

    await t.inventory.deleteInventoryItems(p.itemIds[0]!)

    expect(await linkRows("product_variant_inventory_item", "inventory_item_id", [p.itemIds[0]!])).toEqual([])
    expect(await t.products.listProductVariants({ id: p.variantIds })).toHaveLength(2)
  })

  test("a cart and a payment collection are linked without cascade: deleting the cart keeps the collection", async () => {
    const cart = await t.carts.createCarts({ currency_code: "usd" })
    const collection = await t.payment.createPaymentCollections({ currency_code: "usd", amount: "20" })
    await t.link.create({ cart: { cart_id: cart.id }, payment: { payment_collection_id: collection.id } })

    await t.carts.deleteCarts(cart.id)

    expect(await linkRows("cart_payment_collection", "cart_id", [cart.id])).toEqual([])
    expect(await t.payment.listPaymentCollections({ id: collection.id })).toHaveLength(1)
  })
})
