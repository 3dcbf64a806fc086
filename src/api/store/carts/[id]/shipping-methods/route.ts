import type { AgoraRequest, AgoraResponse } from "../../../../../framework/http/index.ts"
import { addShippingMethodToCartWorkflow } from "../../../../../workflows/cart/index.ts"
import { assertCartAccess, prefetchCartOwnerByPath } from "../../helpers/cart-access.ts"
import { retrieveCart } from "../../helpers/cart-response.ts"
import type { StoreAddCartShippingMethods } from "../../validators.ts"

// Who owns the cart is read while the publishable key is checked.
export const prefetch = { POST: prefetchCartOwnerByPath }

/** Ships the cart with an option (or several): each replaces the cart's method of its shipping profile. */
export const POST = async (req: AgoraRequest<StoreAddCartShippingMethods>, res: AgoraResponse) => {
  const { id } = req.params as { id: string }
  await assertCartAccess(req, id)
  const methods = [req.validatedBody].flat()
  await addShippingMethodToCartWorkflow(req.scope).run({
    input: { cart_id: id, options: methods.map((method) => ({ id: method.option_id, ...(method.data ? { data: method.data } : {}) })) },
  })
  const cart = await retrieveCart(req.scope, id, req.queryConfig.fields)
  res.json({ cart })
}
