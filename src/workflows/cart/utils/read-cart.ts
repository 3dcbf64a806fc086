import { AgoraError } from "../../../framework/errors/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { cartDetailOf } from "../../../modules/cart/index.ts"
import type { CartWithParts } from "../../../modules/cart/index.ts"
import type { CartWithLinks, PaymentCollectionOfCart } from "./types.ts"

const CART_FIELDS = [
  "*",
  "items.*",
  "shipping_methods.*",
  "shipping_address.*",
  "billing_address.*",
  "payment_collection.id",
  "payment_collection.amount",
  "payment_collection.currency_code",
  "payment_collection.status",
  "payment_collection.payment_sessions.id",
]

/** Lines and shipping methods in the order they were added, as the cart module answers them. */
const CART_ORDER = { items: { created_at: "ASC" }, shipping_methods: { created_at: "ASC" } } as const

/**
 * A cart with its lines, shipping methods, addresses and totals (as the cart module's
 * `retrieveCart`) and its payment collection, in ONE statement; not_found when there is none.
 */
export async function readCartWithLinks(query: Query, id: string): Promise<CartWithLinks> {
  const { data } = await query.graph<CartWithParts & { payment_collection: PaymentCollectionOfCart | null }>({
    entity: "cart",
    fields: CART_FIELDS,
    filters: { id },
    pagination: { order: CART_ORDER },
  })
  const row = data[0]
  if (!row) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Cart with id: ${id} was not found`)
  const { payment_collection, ...cart } = row
  return { ...cartDetailOf(cart), payment_collection: payment_collection ?? null }
}
