import { signToken } from "../../../src/framework/auth/index.ts"
import type { HttpApp } from "../http-app.ts"

/** A US address of the seeded "North America" region. */
export const US_ADDRESS = {
  first_name: "Ada",
  last_name: "Lovelace",
  address_1: "1 Main St",
  city: "Springfield",
  postal_code: "12345",
  country_code: "us",
  phone: "555-0100",
}

/** A registered customer and the headers of its signed-in requests. */
export async function signedInCustomer(t: HttpApp, email: string): Promise<{ id: string; headers: { authorization: string } }> {
  const customer = await t.customers.createCustomers({ email, has_account: true })
  const token = signToken(
    { actor_id: customer.id, actor_type: "customer", auth_identity_id: `authid_${customer.id}`, app_metadata: { customer_id: customer.id } },
    t.app.config.projectConfig.http.jwtSecret,
    "1h",
  )
  return { id: customer.id, headers: { authorization: `Bearer ${token}` } }
}

/** Row counts of what a storefront request may write: equal before and after means a refused request changed nothing. */
export async function storeFootprint(t: HttpApp): Promise<Record<string, number>> {
  const tables = [
    "cart",
    "cart_address",
    "cart_line_item",
    "cart_shipping_method",
    "customer",
    "payment_collection",
    "payment_session",
    "payment",
    "cart_payment_collection",
    "order",
    "order_line_item",
    "order_cart",
    "reservation_item",
  ]
  const counts: Record<string, number> = {}
  for (const table of tables) {
    const [row] = await t.rows<{ count: string }>(`select count(*)::text as count from "${table}" where deleted_at is null`)
    counts[table] = Number(row?.count ?? 0)
  }
  const [updated] = await t.rows<{ latest: string | null }>(`select max(updated_at)::text as latest from cart`)
  counts.cart_updated = updated?.latest ? Date.parse(updated.latest) : 0
  return counts
}
