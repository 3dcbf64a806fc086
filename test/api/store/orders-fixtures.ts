/**
 * Orders placed the way a storefront places them (cart, shipping method, payment session,
 * completion), through the cart workflows, and customers signed in over `/auth`: what the order,
 * payment and customer route tests start from.
 */
import {
  addShippingMethodToCartWorkflow,
  completeCartWorkflow,
  createCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
} from "../../../src/workflows/cart/index.ts"
import type { HttpApp } from "../http-app.ts"

export type PlacedOrder = { orderId: string; cartId: string; paymentCollectionId: string }

export type OrderLine = { variant_id: string; quantity: number }

/** A usd order of `lines` (default: 2 small T-shirts), shipped Standard, paid with the system provider. */
export async function placeOrder(
  t: HttpApp,
  options: { lines?: OrderLine[]; customer_id?: string; email?: string } = {},
): Promise<PlacedOrder> {
  const cartId = await createShippableCart(t, options)
  return checkout(t, cartId)
}

/** An open usd cart of `lines` with an address in us, ready for `checkout`. */
export async function createShippableCart(
  t: HttpApp,
  options: { lines?: OrderLine[]; customer_id?: string; email?: string | null } = {},
): Promise<string> {
  const { result: cart } = await createCartWorkflow(t.container).run({
    input: {
      region_id: t.store.regions.usd.id,
      sales_channel_id: t.store.salesChannelId,
      email: options.customer_id || options.email === null ? undefined : (options.email ?? "guest@example.com"),
      customer_id: options.customer_id ?? null,
      shipping_address: { first_name: "Ada", last_name: "Lovelace", address_1: "12 Analytical Row", city: "Boston", country_code: "us" },
      items: options.lines ?? [{ variant_id: t.store.product.variants.small.id, quantity: 2 }],
    },
  })
  return cart.id
}

/** The rest of a storefront's checkout: shipping method, payment collection and session, completion. */
export async function checkout(t: HttpApp, cartId: string): Promise<PlacedOrder> {
  await addShippingMethodToCartWorkflow(t.container).run({ input: { cart_id: cartId, options: [{ id: t.store.shippingOption.id }] } })
  const { result: collection } = await createPaymentCollectionForCartWorkflow(t.container).run({ input: { cart_id: cartId } })
  await createPaymentSessionsWorkflow(t.container).run({ input: { payment_collection_id: collection.id, provider_id: "pp_system_default" } })
  const { result } = await completeCartWorkflow(t.container).run({ input: { id: cartId } })
  return { orderId: result.id, cartId, paymentCollectionId: collection.id }
}

let registrations = 0

/** A registered customer: registered and created over HTTP, then signed in; its token as a header. */
export async function signUpCustomer(
  t: HttpApp,
  profile: { email?: string; first_name?: string } = {},
): Promise<{ id: string; email: string; token: string; headers: { authorization: string } }> {
  const email = profile.email ?? `shopper-${++registrations}-${Date.now()}@example.com`
  const password = "secret-password"
  const registration = await t.anonymous.post("/auth/customer/emailpass/register", { email, password })
  const created = await t.storefront.post(
    "/store/customers",
    { email, first_name: profile.first_name ?? "Ada" },
    { headers: { authorization: `Bearer ${registration.json().token}` } },
  )
  if (created.statusCode !== 200) throw new Error(`customer not created: ${created.body}`)
  const login = await t.anonymous.post("/auth/customer/emailpass", { email, password })
  const token = login.json().token as string
  return { id: created.json().customer.id, email, token, headers: { authorization: `Bearer ${token}` } }
}

/** Units reserved of an inventory item at the store's location. */
export async function reservedQuantity(t: HttpApp, inventoryItemId: string): Promise<number> {
  return (await t.inventory.retrieveInventoryLevelByItemAndLocation(inventoryItemId, t.store.stockLocationId)).reserved_quantity
}

/** Units stocked of an inventory item at the store's location. */
export async function stockedQuantity(t: HttpApp, inventoryItemId: string): Promise<number> {
  return (await t.inventory.retrieveInventoryLevelByItemAndLocation(inventoryItemId, t.store.stockLocationId)).stocked_quantity
}

/** The payload of a JWT, unverified. */
export function decodeToken(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString()) as Record<string, unknown>
}
