import { takePrefetched } from "../../../../framework/http/index.ts"
import type { AgoraRequest, Prefetch } from "../../../../framework/http/index.ts"
import type { Query } from "../../../../framework/modules/index.ts"
import { cartNotFound } from "./cart-response.ts"

/** The signed-in customer of a store request, if any. */
export function customerIdOf(req: Pick<AgoraRequest, "auth_context">): string | undefined {
  const auth = req.auth_context
  return auth?.actor_type === "customer" && auth.actor_id ? auth.actor_id : undefined
}

/** The Query fields that read a cart's owner for `mayAccessCart`, in the cart's own statement. */
export const CART_OWNER_FIELDS = ["customer_id", "customer.has_account"] as const

/** A cart's owner as `CART_OWNER_FIELDS` reads it. */
export type CartOwner = { customer_id?: string | null; customer?: { has_account?: boolean } | null }

/**
 * Whether a cart's owner lets this request at it: a guest's cart (no customer, or a customer
 * without an account) is reached by its id; a registered customer's cart only with that customer's
 * token. Without `hasAccount` (read with the cart, null when the customer is gone) it is read here.
 */
export async function mayAccessCart(
  req: Pick<AgoraRequest, "auth_context" | "scope">,
  customerId: string | null | undefined,
  hasAccount?: boolean | null,
): Promise<boolean> {
  if (!customerId || customerId === customerIdOf(req)) return true
  if (hasAccount !== undefined) return hasAccount !== true
  const { data } = await req.scope.resolve<Query>("query").graph<{ has_account: boolean }>({
    entity: "customer",
    fields: ["has_account"],
    filters: { id: customerId },
  })
  return data[0]?.has_account !== true
}

/** `mayAccessCart` for a cart read with `CART_OWNER_FIELDS`. */
export function mayAccessOwnedCart(req: Pick<AgoraRequest, "auth_context" | "scope">, cart: CartOwner): Promise<boolean> {
  return mayAccessCart(req, cart.customer_id, cart.customer?.has_account ?? null)
}

type OwnerRequest = Pick<AgoraRequest, "auth_context" | "scope" | "prefetched">
type OwnedCart = { customer_id: string | null } & CartOwner

/** A cart's owner (and `fields` more) as read for `assertCartAccess`, started early or not. */
class CartOwnerRead {
  readonly cartId: string
  readonly fields: string
  readonly cart: (OwnedCart & Record<string, unknown>) | undefined

  constructor(cartId: string, fields: string, cart: (OwnedCart & Record<string, unknown>) | undefined) {
    this.cartId = cartId
    this.fields = fields
    this.cart = cart
  }
}

async function readCartOwner(req: Pick<AgoraRequest, "scope">, cartId: string, extra: readonly string[]): Promise<CartOwnerRead> {
  const { data } = await req.scope.resolve<Query>("query").graph<OwnedCart & Record<string, unknown>>({
    entity: "cart",
    fields: [...CART_OWNER_FIELDS, ...extra],
    filters: { id: cartId },
  })
  return new CartOwnerRead(cartId, extra.join(), data[0])
}

/**
 * A route's `prefetch` for `assertCartAccess`: reads the owner of the cart whose id `cartIdOf`
 * finds in the request (with the `extra` fields the route will ask for) while the guard runs.
 */
export function prefetchCartOwner(cartIdOf: (req: AgoraRequest) => unknown, extra: readonly string[] = []): Prefetch {
  return (req) => {
    const cartId = cartIdOf(req as AgoraRequest)
    return typeof cartId === "string" ? readCartOwner(req, cartId, extra) : undefined
  }
}

/** `prefetchCartOwner` for the routes under `/store/carts/:id`. */
export const prefetchCartOwnerByPath = prefetchCartOwner((req) => (req.params as { id?: unknown }).id)

/**
 * Fails with not_found, as for a cart that does not exist, unless the cart exists and the request
 * may reach it (`mayAccessCart`): another customer's cart is not revealed. Answers the cart's
 * `customer_id` and the `extra` Query fields asked for, read in the same statement as its owner
 * (or taken from the route's prefetch, when that read this cart with these fields).
 */
export async function assertCartAccess<Extra extends Record<string, unknown> = Record<string, unknown>>(
  req: OwnerRequest,
  cartId: string,
  extra: readonly string[] = [],
): Promise<{ customer_id: string | null } & Extra> {
  const fields = extra.join()
  const early = await takePrefetched(
    req,
    (value): value is CartOwnerRead => value instanceof CartOwnerRead && value.cartId === cartId && value.fields === fields,
  )
  const { cart } = early ?? (await readCartOwner(req, cartId, extra))
  if (!cart || !(await mayAccessOwnedCart(req, cart))) throw cartNotFound(cartId)
  return cart as { customer_id: string | null } & Extra
}
