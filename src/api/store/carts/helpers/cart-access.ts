import type { AgoraRequest } from "../../../../framework/http/index.ts"
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

/**
 * Fails with not_found, as for a cart that does not exist, unless the cart exists and the request
 * may reach it (`mayAccessCart`): another customer's cart is not revealed. Answers the cart's
 * `customer_id` and the `extra` Query fields asked for, read in the same statement as its owner.
 */
export async function assertCartAccess<Extra extends Record<string, unknown> = Record<string, unknown>>(
  req: Pick<AgoraRequest, "auth_context" | "scope">,
  cartId: string,
  extra: readonly string[] = [],
): Promise<{ customer_id: string | null } & Extra> {
  const { data } = await req.scope.resolve<Query>("query").graph<{ customer_id: string | null } & CartOwner & Extra>({
    entity: "cart",
    fields: [...CART_OWNER_FIELDS, ...extra],
    filters: { id: cartId },
  })
  const cart = data[0]
  if (!cart || !(await mayAccessOwnedCart(req, cart))) throw cartNotFound(cartId)
  return cart
}
