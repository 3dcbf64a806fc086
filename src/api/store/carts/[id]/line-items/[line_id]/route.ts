import type { AgoraRequest, AgoraResponse } from "../../../../../../framework/http/index.ts"
import { deleteLineItemsWorkflow, updateLineItemInCartWorkflow } from "../../../../../../workflows/cart/index.ts"
import { assertCartAccess, prefetchCartOwnerByPath } from "../../../helpers/cart-access.ts"
import { retrieveCart } from "../../../helpers/cart-response.ts"
import type { StoreUpdateCartLineItem } from "../../../validators.ts"

type Params = { id: string; line_id: string }

// Who owns the cart is read while the publishable key is checked.
export const prefetch = { POST: prefetchCartOwnerByPath, DELETE: prefetchCartOwnerByPath }

/** Sets a line's quantity (0 removes the line) and metadata. */
export const POST = async (req: AgoraRequest<StoreUpdateCartLineItem>, res: AgoraResponse) => {
  const { id, line_id } = req.params as Params
  await assertCartAccess(req, id)
  const { quantity, metadata } = req.validatedBody
  await updateLineItemInCartWorkflow(req.scope).run({
    input: { cart_id: id, item_id: line_id, update: { quantity, ...(metadata !== undefined ? { metadata } : {}) } },
  })
  const cart = await retrieveCart(req.scope, id, req.queryConfig.fields)
  res.json({ cart })
}

export const DELETE = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id, line_id } = req.params as Params
  await assertCartAccess(req, id)
  await deleteLineItemsWorkflow(req.scope).run({ input: { cart_id: id, ids: [line_id] } })
  const cart = await retrieveCart(req.scope, id, req.queryConfig.fields)
  res.json({ id: line_id, object: "line-item", deleted: true, parent: cart })
}
