import { AgoraError } from "../../../framework/errors/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { cartDetailOf } from "../../../modules/cart/index.ts"
import type { CartDetail, CartWithParts } from "../../../modules/cart/index.ts"
import { REGION_FIELDS, regionForCart } from "../steps/find-one-or-any-region.ts"
import type { RegionRow } from "../steps/find-one-or-any-region.ts"
import type { CartWithLinks, PaymentCollectionOfCart, RegionForCart } from "./types.ts"

/** The cart, its lines, shipping methods and addresses: what the cart module's `retrieveCart` reads. */
const DETAIL_FIELDS = ["*", "items.*", "shipping_methods.*", "shipping_address.*", "billing_address.*"]

const PAYMENT_COLLECTION_FIELDS = [
  "payment_collection.id",
  "payment_collection.amount",
  "payment_collection.currency_code",
  "payment_collection.status",
  "payment_collection.payment_sessions.id",
]

/** Lines and shipping methods in the order they were added, as the cart module answers them. */
const DETAIL_ORDER = { items: { created_at: "ASC" }, shipping_methods: { created_at: "ASC" } } as const

/**
 * A cart as the cart module's `retrieveCart` answers it (lines, shipping methods, addresses,
 * totals) and, in the same statement, the `extra` fields asked for (links, through Query);
 * not_found when there is no such cart.
 */
export async function readCartDetail<Extra extends Record<string, unknown>>(
  query: Query,
  id: string,
  extra: readonly string[],
): Promise<{ cart: CartDetail; extra: Extra }> {
  const { data } = await query.graph<CartWithParts & Record<string, unknown>>({
    entity: "cart",
    fields: [...DETAIL_FIELDS, ...extra],
    filters: { id },
    pagination: { order: DETAIL_ORDER },
  })
  const row = data[0]
  if (!row) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Cart with id: ${id} was not found`)
  const links: Record<string, unknown> = {}
  for (const name of new Set(extra.map((field) => field.split(".")[0] as string))) {
    links[name] = row[name]
    delete row[name]
  }
  return { cart: cartDetailOf(row), extra: links as Extra }
}

/** A cart with its lines, shipping methods, addresses, totals and payment collection, in ONE statement. */
export async function readCartWithLinks(query: Query, id: string): Promise<CartWithLinks> {
  return (await readCartWithRegion(query, id, false)).cart
}

const CART_REGION_FIELDS = REGION_FIELDS.map((field) => `region.${field}`)

/** `readCartWithLinks` and, in the same statement, the cart's region (null when it is gone, or not asked for). */
export async function readCartWithRegion(query: Query, id: string, withRegion = true): Promise<{ cart: CartWithLinks; region: RegionForCart | null }> {
  const { cart, extra } = await readCartDetail<{ payment_collection?: PaymentCollectionOfCart | null; region?: RegionRow | null }>(
    query,
    id,
    withRegion ? [...PAYMENT_COLLECTION_FIELDS, ...CART_REGION_FIELDS] : PAYMENT_COLLECTION_FIELDS,
  )
  return { cart: { ...cart, payment_collection: extra.payment_collection ?? null }, region: extra.region ? regionForCart(extra.region) : null }
}
