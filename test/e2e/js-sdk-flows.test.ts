/**
 * The storefront and admin flows of @medusajs/js-sdk (from npm, unmodified) against a running Agora:
 * the admin set-up, a guest checkout, a customer's own orders, an admin cancelling an order, and a
 * race for the last units, all over HTTP on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { startRunningAgora } from "./running-agora.ts"
import type { Medusa, RunningAgora } from "./running-agora.ts"

type Catalog = {
  regionId: string
  salesChannelId: string
  locationId: string
  shippingOptionId: string
  publishableKey: string
  product: { id: string; variants: Record<string, { id: string; inventoryItemId: string }> }
}

let agora: RunningAgora
let admin: Medusa
let catalog: Catalog

const address = { first_name: "Ada", last_name: "Lovelace", address_1: "1 Analytical Way", city: "London", country_code: "us", postal_code: "10001" }

beforeAll(async () => {
  agora = await startRunningAgora()
  admin = agora.client()
})
afterAll(() => agora?.close())

/** Creates a product of one size variant per entry, stocked as given at the catalog's location. */
async function createProduct(title: string, stock: Record<string, number>, prices = { S: 20, M: 25 } as Record<string, number>) {
  const sizes = Object.keys(stock)
  const { product } = await admin.admin.product.create({
    title,
    status: "published",
    options: [{ title: "Size", values: sizes }],
    variants: sizes.map((size) => ({
      title: `${title} ${size}`,
      sku: `${title.toUpperCase().replace(/\W+/g, "-")}-${size}`,
      options: { Size: size },
      prices: [{ currency_code: "usd", amount: prices[size] ?? 20 }],
    })),
    sales_channels: [{ id: catalog.salesChannelId }],
  })
  const variants: Catalog["product"]["variants"] = {}
  for (const variant of product.variants ?? []) {
    const size = sizes.find((s) => variant.title === `${title} ${s}`) as string
    const { inventory_items } = await admin.admin.inventoryItem.list({ sku: variant.sku as string })
    const item = inventory_items[0]
    expect(item, `inventory item of ${variant.sku}`).toBeDefined()
    await admin.admin.inventoryItem.batchInventoryItemLocationLevels(item!.id, {
      create: [{ location_id: catalog.locationId, stocked_quantity: stock[size] ?? 0 }],
    })
    variants[size] = { id: variant.id, inventoryItemId: item!.id }
  }
  return { id: product.id, variants }
}

/** A storefront's checkout, step by step as API.md §9 lists it; resolves with `cart.complete`'s answer. */
async function checkout(store: Medusa, lines: { variantId: string; quantity: number }[], email = "guest@example.com") {
  const [first, ...rest] = lines
  const { cart: created } = await store.store.cart.create({
    region_id: catalog.regionId,
    items: first ? [{ variant_id: first.variantId, quantity: first.quantity }] : [],
  })
  for (const line of rest) await store.store.cart.createLineItem(created.id, { variant_id: line.variantId, quantity: line.quantity })
  await store.store.cart.update(created.id, { email, shipping_address: address, billing_address: address })
  const { shipping_options } = await store.store.fulfillment.listCartOptions({ cart_id: created.id })
  const option = shipping_options.find((o: { id: string }) => o.id === catalog.shippingOptionId)
  expect(option, "the catalog's shipping option is offered").toBeDefined()
  await store.store.cart.addShippingMethod(created.id, { option_id: option!.id })
  const { cart } = await store.store.cart.retrieve(created.id)
  await store.store.payment.initiatePaymentSession(cart, { provider_id: "pp_system_default" })
  return { cartId: created.id, completed: await store.store.cart.complete(created.id) }
}

async function reservedQuantity(inventoryItemId: string): Promise<number> {
  const { inventory_item } = await admin.admin.inventoryItem.retrieve(inventoryItemId)
  return Number(inventory_item.reserved_quantity)
}

describe("js-sdk against a running Agora", () => {
  test("the admin sets up a store: region, location, shipping, a product with stock, a publishable key", async () => {
    const token = await admin.auth.login("user", "emailpass", { email: agora.admin.email, password: agora.admin.password })
    expect(typeof token).toBe("string")
    const { user } = await admin.admin.user.me()
    expect(user.email).toBe(agora.admin.email)

    const { stores } = await admin.admin.store.list()
    const salesChannelId = stores[0]?.default_sales_channel_id as string
    expect(salesChannelId).toMatch(/^sc_/)

    const { region } = await admin.admin.region.create({
      name: "United States",
      currency_code: "usd",
      countries: ["us"],
      payment_providers: ["pp_system_default"],
    })
    const { stock_location } = await admin.admin.stockLocation.create({ name: "Main warehouse", address: { address_1: "5 Dock Rd", country_code: "us" } })
    await admin.admin.stockLocation.updateSalesChannels(stock_location.id, { add: [salesChannelId] })
    await admin.admin.stockLocation.updateFulfillmentProviders(stock_location.id, { add: ["manual_manual"] })
    await admin.admin.stockLocation.createFulfillmentSet(stock_location.id, { name: "Main warehouse shipping", type: "shipping" })
    const { stock_location: withSets } = await admin.admin.stockLocation.retrieve(stock_location.id, { fields: "*fulfillment_sets" })
    const fulfillmentSetId = withSets.fulfillment_sets?.[0]?.id as string
    const { fulfillment_set } = await admin.admin.fulfillmentSet.createServiceZone(fulfillmentSetId, {
      name: "United States",
      geo_zones: [{ type: "country", country_code: "us" }],
    })
    const serviceZoneId = fulfillment_set.service_zones?.[0]?.id as string
    const { shipping_profiles } = await admin.admin.shippingProfile.list({ type: "default" })
    const profileId =
      shipping_profiles[0]?.id ?? (await admin.admin.shippingProfile.create({ name: "Default", type: "default" })).shipping_profile.id
    const { shipping_option } = await admin.admin.shippingOption.create({
      name: "Standard",
      service_zone_id: serviceZoneId,
      shipping_profile_id: profileId,
      provider_id: "manual_manual",
      price_type: "flat",
      type: { label: "Standard", description: "3-5 days", code: "standard" },
      prices: [{ currency_code: "usd", amount: 10 }],
      rules: [
        { attribute: "enabled_in_store", operator: "eq", value: "true" },
        { attribute: "is_return", operator: "eq", value: "false" },
      ],
    })
    const { api_key } = await admin.admin.apiKey.create({ title: "Storefront", type: "publishable" })
    await admin.admin.apiKey.batchSalesChannels(api_key.id, { add: [salesChannelId] })

    catalog = {
      regionId: region.id,
      salesChannelId,
      locationId: stock_location.id,
      shippingOptionId: shipping_option.id,
      publishableKey: api_key.token,
      product: { id: "", variants: {} },
    }
    catalog.product = await createProduct("Linen Shirt", { S: 10, M: 10 })

    const store = agora.client({ publishableKey: catalog.publishableKey })
    const { products } = await store.store.product.list({ region_id: catalog.regionId, fields: "+variants.inventory_quantity" })
    expect(products.map((p: { id: string }) => p.id)).toEqual([catalog.product.id])
    const small = products[0]?.variants?.find((v: { id: string }) => v.id === catalog.product.variants.S?.id)
    expect(small?.calculated_price?.calculated_amount).toBe(20)
    expect(small?.inventory_quantity).toBe(10)
  })

  test("a guest checks out to an order that holds the stock", async () => {
    const store = agora.client({ publishableKey: catalog.publishableKey })
    const small = catalog.product.variants.S!
    const before = await reservedQuantity(small.inventoryItemId)

    const { cartId, completed } = await checkout(store, [{ variantId: small.id, quantity: 2 }])

    expect(completed.type).toBe("order")
    if (completed.type !== "order") return
    const { order } = completed
    expect(order).toMatchObject({ status: "pending", payment_status: "authorized", fulfillment_status: "not_fulfilled", email: "guest@example.com" })
    expect(order.display_id).toBeGreaterThan(0)
    expect(order.total).toBe(2 * 20 + 10)
    expect(order.items?.[0]).toMatchObject({ variant_id: small.id, quantity: 2, unit_price: 20 })
    expect(await reservedQuantity(small.inventoryItemId)).toBe(before + 2)

    // Completing the cart again answers the same order and reserves nothing more.
    const again = await store.store.cart.complete(cartId)
    expect(again.type === "order" && again.order.id).toBe(order.id)
    expect(await reservedQuantity(small.inventoryItemId)).toBe(before + 2)
    const { order: read } = await store.store.order.retrieve(order.id)
    expect(read).toMatchObject({ id: order.id, total: order.total, payment_status: "authorized" })
  })

  test("a customer registers, logs in, and lists only their own orders", async () => {
    const shopper = agora.client({ publishableKey: catalog.publishableKey })
    await shopper.auth.register("customer", "emailpass", { email: "grace@example.com", password: "grace-password" })
    const { customer } = await shopper.store.customer.create({ email: "grace@example.com", first_name: "Grace" })
    expect(customer).toMatchObject({ email: "grace@example.com", has_account: true })
    await shopper.auth.login("customer", "emailpass", { email: "grace@example.com", password: "grace-password" })
    const { customer: me } = await shopper.store.customer.retrieve()
    expect(me.id).toBe(customer.id)

    const { completed: own } = await checkout(shopper, [{ variantId: catalog.product.variants.M!.id, quantity: 1 }], "grace@example.com")
    expect(own.type).toBe("order")
    // A guest order under the same email is not hers: it was not placed with her token.
    const { completed: guest } = await checkout(agora.client({ publishableKey: catalog.publishableKey }), [{ variantId: catalog.product.variants.M!.id, quantity: 1 }], "grace@example.com")
    expect(guest.type).toBe("order")

    const { orders, count } = await shopper.store.order.list()
    expect(count).toBe(1)
    expect(orders.map((o: { id: string }) => o.id)).toEqual([own.type === "order" ? own.order.id : ""])

    const other = agora.client({ publishableKey: catalog.publishableKey })
    await other.auth.register("customer", "emailpass", { email: "alan@example.com", password: "alan-password" })
    await other.store.customer.create({ email: "alan@example.com" })
    await other.auth.login("customer", "emailpass", { email: "alan@example.com", password: "alan-password" })
    expect((await other.store.order.list()).orders).toEqual([])
    await expect(other.store.order.retrieve(own.type === "order" ? own.order.id : "")).rejects.toMatchObject({ status: 404 })
  })

  test("an admin cancels an order and its stock is released", async () => {
    const store = agora.client({ publishableKey: catalog.publishableKey })
    const small = catalog.product.variants.S!
    const before = await reservedQuantity(small.inventoryItemId)
    const { completed } = await checkout(store, [{ variantId: small.id, quantity: 3 }])
    if (completed.type !== "order") throw new Error("checkout did not make an order")
    expect(await reservedQuantity(small.inventoryItemId)).toBe(before + 3)

    const { order } = await admin.admin.order.cancel(completed.order.id)

    expect(order.status).toBe("canceled")
    expect(await reservedQuantity(small.inventoryItemId)).toBe(before)
    await expect(admin.admin.order.cancel(completed.order.id)).rejects.toMatchObject({ status: 400 })
  })

  test("concurrent checkouts for the last units make exactly that many orders", async () => {
    const units = 3
    const shoppers = 12
    const scarce = await createProduct("Last Lamp", { S: units })
    const variant = scarce.variants.S!

    const outcomes = await Promise.allSettled(
      Array.from({ length: shoppers }, () => checkout(agora.client({ publishableKey: catalog.publishableKey }), [{ variantId: variant.id, quantity: 1 }])),
    )

    const orders = outcomes.filter((o) => o.status === "fulfilled" && o.value.completed.type === "order")
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected")
    expect(orders).toHaveLength(units)
    expect(refused).toHaveLength(shoppers - units)
    for (const failure of refused) expect((failure.reason as { status?: number }).status).toBe(400)
    expect(await reservedQuantity(variant.inventoryItemId)).toBe(units)
    const { orders: listed } = await admin.admin.order.list({ fields: "id,items.variant_id", limit: 100 })
    expect(listed.filter((o: { items?: { variant_id: string }[] }) => o.items?.some((item) => item.variant_id === variant.id))).toHaveLength(units)
  })
})
