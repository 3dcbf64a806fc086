/**
 * What the hostile-input tests send besides the hostile part: credentials for each area, and a
 * real id for every path parameter (so that a malformed body meets an existing record).
 */
import type { HttpApp } from "../http-app.ts"
import { createShippableCart, placeOrder, signUpCustomer } from "../store/orders-fixtures.ts"

export type HostileFixtures = {
  /** Headers that sign a request in for the route's area. */
  headersFor(path: string): Record<string, string>
  /** A real value for the path parameter `param` of `path`. */
  paramValue(path: string, param: string): string
}

/** The collection a path parameter names, by the path segment before it. */
const TABLE_BY_SEGMENT: Record<string, string> = {
  addresses: "customer_address",
  "api-keys": "api_key",
  carts: "cart",
  customers: "customer",
  "fulfillment-sets": "fulfillment_set",
  fulfillments: "fulfillment",
  "inventory-items": "inventory_item",
  "line-items": "cart_line_item",
  "location-levels": "stock_location",
  orders: "order",
  "payment-collections": "payment_collection",
  payments: "payment",
  products: "product",
  regions: "region",
  reservations: "reservation_item",
  "sales-channels": "sales_channel",
  "service-zones": "service_zone",
  "shipping-options": "shipping_option",
  "shipping-profiles": "shipping_profile",
  "stock-locations": "stock_location",
  stores: "store",
  users: "user",
  variants: "product_variant",
  "workflows-executions": "workflow_execution",
}

const MISSING_ID = "missing_01JZZZZZZZZZZZZZZZZZZZZZZZ"

export async function setUpHostileFixtures(t: HttpApp): Promise<HostileFixtures> {
  const customer = await signUpCustomer(t)
  // A registration token (an identity without a customer): what `POST /store/customers` is for.
  const registration = await t.anonymous.post("/auth/customer/emailpass/register", { email: `hostile-${Date.now()}@example.com`, password: "secret-password" })
  const registrationToken = registration.json().token as string

  const address = await t.storefront.post(
    "/store/customers/me/addresses",
    { first_name: "Ada", address_1: "1 Loop St", city: "Boston", country_code: "us" },
    { headers: customer.headers },
  )
  if (address.statusCode !== 200) throw new Error(`address not created: ${address.body}`)
  const addressId = (address.json().customer.addresses as { id: string }[])[0]?.id

  const order = await placeOrder(t, { customer_id: customer.id })
  const [orderLine] = await t.rows<{ id: string }>(`select id from order_line_item where order_id = ? limit 1`, [order.orderId])
  if (orderLine) {
    await t.admin.post(`/admin/orders/${order.orderId}/fulfillments`, { items: [{ id: orderLine.id, quantity: 1 }], location_id: t.store.stockLocationId })
  }
  const openCartId = await createShippableCart(t, { customer_id: customer.id })
  const [openLine] = await t.rows<{ id: string }>(`select id from cart_line_item where cart_id = ? limit 1`, [openCartId])
  const brand = await t.admin.post("/admin/brands", { name: "Hostile Brand" })
  const jobs = await t.admin.get("/admin/jobs")
  const jobName = (jobs.json().jobs as { name: string }[] | undefined)?.[0]?.name ?? "no-job"

  // The store's own records first; any other collection falls back to its first row.
  const preferred: Record<string, string | undefined> = {
    cart: openCartId,
    cart_line_item: openLine?.id,
    customer_address: addressId,
    order: order.orderId,
    payment_collection: order.paymentCollectionId,
    product: t.store.product.id,
    product_variant: t.store.product.variants.small.id,
    inventory_item: t.store.product.variants.small.inventoryItemId,
    stock_location: t.store.stockLocationId,
    region: t.store.regions.usd.id,
    brand: brand.json().brand?.id,
    sales_channel: t.store.salesChannelId,
    shipping_option: t.store.shippingOption.id,
    shipping_profile: t.store.shippingProfileId,
    fulfillment_set: t.store.fulfillmentSetId,
    service_zone: t.store.serviceZoneId,
    api_key: t.store.publishableKey.id,
    store: t.store.storeId,
    customer: customer.id,
  }
  const firstRows = new Map<string, string>()
  for (const table of new Set(Object.values(TABLE_BY_SEGMENT))) {
    const exists = await t.rows(`select 1 from information_schema.tables where table_schema = current_schema() and table_name = ?`, [table])
    if (exists.length === 0) continue
    const [row] = await t.rows<{ id: string }>(`select id::text as id from "${table}" order by 1 limit 1`)
    if (row) firstRows.set(table, row.id)
  }

  return {
    headersFor(path): Record<string, string> {
      if (path === "/store/customers") return { "x-publishable-api-key": t.store.publishableKey.token, authorization: `Bearer ${registrationToken}` }
      if (path.startsWith("/store")) return { "x-publishable-api-key": t.store.publishableKey.token, ...customer.headers }
      if (path.startsWith("/admin")) return { authorization: `Bearer ${t.adminJwt}` }
      // `/auth/token/refresh` reads the bearer's identity; sign-in and registration take none.
      if (path === "/auth/token/refresh") return customer.headers
      return {}
    },
    paramValue(path, param) {
      if (param === "actor_type") return "customer"
      if (param === "auth_provider") return "emailpass"
      const segments = path.split("/")
      const before = segments[segments.indexOf(`:${param}`) - 1] ?? ""
      if (before === "jobs") return jobName
      const table = TABLE_BY_SEGMENT[before] ?? before.replaceAll("-", "_").replace(/s$/, "")
      return preferred[table] ?? firstRows.get(table) ?? MISSING_ID
    },
  }
}

/** `path` with each `:param` replaced by `valueOf(param)` (already encoded for a URL). */
export function fillPath(path: string, valueOf: (param: string) => string): string {
  return path.replace(/:(\w+)/g, (_match, param: string) => valueOf(param))
}

/** The names of `path`'s parameters. */
export function paramsOf(path: string): string[] {
  return [...path.matchAll(/:(\w+)/g)].map((match) => match[1] as string)
}
