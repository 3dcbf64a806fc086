import type { AgoraResponse, AuthenticatedAgoraRequest } from "../../../../../framework/http/index.ts"
import { transferCartCustomerWorkflow } from "../../../../../workflows/cart/workflows/transfer-cart-customer.ts"
import { assertCartAccess, prefetchCartOwnerByPath } from "../../helpers/cart-access.ts"
import { retrieveCart } from "../../helpers/cart-response.ts"

// Who owns the cart is read while the publishable key is checked.
export const prefetch = { POST: prefetchCartOwnerByPath }

/** The signed-in customer takes over a guest cart (`sdk.store.cart.transferCart`); answers `{ cart }`. */
export const POST = async (req: AuthenticatedAgoraRequest, res: AgoraResponse) => {
  const { id } = req.params as { id: string }
  // Another registered customer's cart is as unknown as a missing one.
  await assertCartAccess(req, id)
  await transferCartCustomerWorkflow(req.scope).run({ input: { id, customer_id: req.auth_context.actor_id } })
  const cart = await retrieveCart(req.scope, id, req.queryConfig.fields)
  res.json({ cart })
}
