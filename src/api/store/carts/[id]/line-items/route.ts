import type { AgoraRequest, AgoraResponse } from "../../../../../framework/http/index.ts"
import { addToCartWorkflow } from "../../../../../workflows/cart/index.ts"
import { assertCartAccess, prefetchCartOwnerByPath } from "../../helpers/cart-access.ts"
import { retrieveCart } from "../../helpers/cart-response.ts"
import type { StoreAddCartLineItem } from "../../validators.ts"

// Who owns the cart is read while the publishable key is checked.
export const prefetch = { POST: prefetchCartOwnerByPath }

/** Adds a variant to the cart; the same variant with equal metadata adds to its line. */
export const POST = async (req: AgoraRequest<StoreAddCartLineItem>, res: AgoraResponse) => {
  const { id } = req.params as { id: string }
  await assertCartAccess(req, id)
  const { additional_data, ...item } = req.validatedBody
  await addToCartWorkflow(req.scope).run({ input: { cart_id: id, items: [item], additional_data } })
  const cart = await retrieveCart(req.scope, id, req.queryConfig.fields)
  res.json({ cart })
}
