/**
 * A store ready for checkout, and carts ready to complete, written through the module services and
 * the link service (never through workflows), so the workflow tests depend on the modules alone.
 *
 * `seedStore(t)`: a usd region (us) offering both payment providers, a sales channel selling from a
 * stock location, and a shipping option "Standard" (manual provider) covering us from that location.
 * `seedProduct(t, store, { stock })`: a product whose one variant manages an inventory item stocked
 * at the location (`required_quantity` units of it per unit sold).
 * `seedCart(t, store, lines)`: a cart with those lines, an address in us, the Standard shipping method
 * (10), a payment collection for its total and one payment session (the system provider by default).
 */
import type { CartDetail } from "../../../src/modules/cart/index.ts"
import type { OrderDetail } from "../../../src/modules/order/index.ts"
import { completeCartWorkflow } from "../../../src/workflows/cart/workflows/complete-cart.ts"
import { SYSTEM_PROVIDER } from "./checkout-modules.ts"
import type { CheckoutApp } from "./checkout-app.ts"

export type SeededStore = {
  regionId: string
  salesChannelId: string
  locationId: string
  fulfillmentSetId: string
  shippingOptionId: string
}

export type SeededProduct = { productId: string; variantId: string; sku: string; inventoryItemId: string | undefined }

export type CartLine = { product: SeededProduct; quantity: number; unit_price?: number; requires_shipping?: boolean }

export type SeededCart = { cart: CartDetail; paymentCollectionId: string | undefined; sessionId: string | undefined }

let sequence = 0
const unique = (name: string) => `${name}-${++sequence}`

export async function seedStore(t: CheckoutApp): Promise<SeededStore> {
  // Provider rows are written when a module first loads its providers; links and options need them.
  await t.payment.listPaymentProviders()
  await t.fulfillment.listFulfillmentProviders()
  const region = await t.regions.createRegions({ name: "United States", currency_code: "usd", countries: ["us"] })
  const channel = await t.channels.createSalesChannels({ name: "Web" })
  const location = await t.locations.createStockLocations({ name: "Warehouse", address: { address_1: "1 Dock St", country_code: "us" } })
  const set = await t.fulfillment.createFulfillmentSets({
    name: unique("Warehouse shipping"),
    type: "shipping",
    service_zones: [{ name: unique("US"), geo_zones: [{ type: "country", country_code: "us" }] }],
  })
  const profile = await t.fulfillment.createShippingProfiles({ name: unique("Default"), type: "default" })
  const option = await t.fulfillment.createShippingOptions({
    name: "Standard",
    service_zone_id: set.service_zones![0]!.id,
    shipping_profile_id: profile.id,
    provider_id: "manual_manual",
    type: { label: "Standard", code: "standard" },
    rules: [
      { attribute: "enabled_in_store", operator: "eq", value: "true" },
      { attribute: "is_return", operator: "eq", value: "false" },
    ],
  })
  await t.link.create([
    { region: { region_id: region.id }, payment: { payment_provider_id: SYSTEM_PROVIDER } },
    { sales_channel: { sales_channel_id: channel.id }, stock_location: { stock_location_id: location.id } },
    { stock_location: { stock_location_id: location.id }, fulfillment: { fulfillment_set_id: set.id } },
  ])
  return { regionId: region.id, salesChannelId: channel.id, locationId: location.id, fulfillmentSetId: set.id, shippingOptionId: option.id }
}

export async function seedProduct(
  t: CheckoutApp,
  store: SeededStore,
  options: { stock?: number; required_quantity?: number; manage_inventory?: boolean; allow_backorder?: boolean; locationId?: string } = {},
): Promise<SeededProduct> {
  const sku = unique("SKU").toUpperCase()
  const product = await t.products.createProducts({
    title: unique("Mug"),
    status: "published",
    variants: [{ title: "Default", sku, manage_inventory: options.manage_inventory ?? true, allow_backorder: options.allow_backorder ?? false }],
  })
  const variantId = product.variants![0]!.id
  await t.link.create({ product: { product_id: product.id }, sales_channel: { sales_channel_id: store.salesChannelId } })
  if (options.manage_inventory === false) return { productId: product.id, variantId, sku, inventoryItemId: undefined }
  const item = await t.inventory.createInventoryItems({ sku, title: sku })
  await t.inventory.createInventoryLevels({
    inventory_item_id: item.id,
    location_id: options.locationId ?? store.locationId,
    stocked_quantity: options.stock ?? 10,
  })
  await t.link.create({
    product: { product_variant_id: variantId },
    inventory: { inventory_item_id: item.id },
    data: { required_quantity: options.required_quantity ?? 1 },
  })
  return { productId: product.id, variantId, sku, inventoryItemId: item.id }
}

export async function seedCart(
  t: CheckoutApp,
  store: SeededStore,
  lines: CartLine[],
  options: {
    shipping?: boolean
    provider?: string
    /** The session's data: the scripted provider reads `authorize` / `fail` from it. */
    sessionData?: Record<string, unknown>
    /** false: no payment collection; "no-session": a collection without a session. */
    payment?: boolean | "no-session"
    /** The collection's amount, when it should not be the cart's total. */
    collectionAmount?: number
    email?: string
    customerId?: string
    salesChannelId?: string | null
  } = {},
): Promise<SeededCart> {
  const address = { first_name: "Ada", last_name: "Lovelace", address_1: "12 Analytical Row", city: "Boston", postal_code: "02108", country_code: "us" }
  const cart = await t.carts.createCarts({
    currency_code: "usd",
    region_id: store.regionId,
    sales_channel_id: options.salesChannelId === undefined ? store.salesChannelId : options.salesChannelId,
    customer_id: options.customerId ?? null,
    email: options.email ?? "ada@example.com",
    shipping_address: address,
    billing_address: { ...address, first_name: "Billing" },
    items: lines.map((line) => ({
      title: "Default",
      subtitle: "Mug",
      quantity: line.quantity,
      variant_id: line.product.variantId,
      product_id: line.product.productId,
      product_title: "Mug",
      variant_sku: line.product.sku,
      variant_title: "Default",
      requires_shipping: line.requires_shipping ?? true,
      unit_price: line.unit_price ?? 15,
    })),
    shipping_methods: options.shipping === false ? [] : [{ name: "Standard", amount: 10, shipping_option_id: store.shippingOptionId }],
  })
  if (options.payment === false) return { cart, paymentCollectionId: undefined, sessionId: undefined }
  const collection = await t.payment.createPaymentCollections({ currency_code: "usd", amount: String(options.collectionAmount ?? cart.total) })
  await t.link.create({ cart: { cart_id: cart.id }, payment: { payment_collection_id: collection.id } })
  if (options.payment === "no-session") return { cart, paymentCollectionId: collection.id, sessionId: undefined }
  const session = await t.payment.createPaymentSession(collection.id, { provider_id: options.provider ?? SYSTEM_PROVIDER, data: options.sessionData ?? {} })
  return { cart, paymentCollectionId: collection.id, sessionId: session.id }
}

export type PlacedOrder = SeededCart & { order: OrderDetail }

/** An order placed the way a storefront places one: a seeded cart completed by `complete-cart`. */
export async function placeOrder(
  t: CheckoutApp,
  store: SeededStore,
  lines: CartLine[],
  options: Parameters<typeof seedCart>[3] = {},
): Promise<PlacedOrder> {
  const seeded = await seedCart(t, store, lines, options)
  const { result } = await completeCartWorkflow(t.container).run({ input: { id: seeded.cart.id }, transactionId: seeded.cart.id })
  return { ...seeded, order: await t.orders.retrieveOrder(result.id) }
}
