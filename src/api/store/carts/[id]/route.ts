import type { AgoraRequest, AgoraResponse } from "../../../../framework/http/index.ts"
import { updateCartWorkflow } from "../../../../workflows/cart/index.ts"
import { cartAddressInput } from "../helpers/addresses.ts"
import { assertCartAccess, customerIdOf, prefetchCartOwnerByPath } from "../helpers/cart-access.ts"
import { retrieveCart } from "../helpers/cart-response.ts"
import type { StoreUpdateCart } from "../validators.ts"

// Who owns the cart is read while the publishable key is checked.
export const prefetch = { GET: prefetchCartOwnerByPath, POST: prefetchCartOwnerByPath }

export const GET = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id } = req.params as { id: string }
  await assertCartAccess(req, id)
  const cart = await retrieveCart(req.scope, id, req.queryConfig.fields)
  res.json({ cart })
}

/** Updates a cart; sent with a customer token, the cart becomes that customer's (API.md §7 GET /store/orders). */
export const POST = async (req: AgoraRequest<StoreUpdateCart>, res: AgoraResponse) => {
  const { id } = req.params as { id: string }
  await assertCartAccess(req, id)
  const { promo_codes: _codes, locale: _locale, shipping_address, billing_address, ...body } = req.validatedBody
  const customerId = customerIdOf(req)
  await updateCartWorkflow(req.scope).run({
    input: {
      ...body,
      id,
      shipping_address: await cartAddressInput(req, shipping_address),
      billing_address: await cartAddressInput(req, billing_address),
      ...(customerId ? { customer_id: customerId } : {}),
      publishable_key_id: req.publishable_key_context.id,
    },
  })
  const cart = await retrieveCart(req.scope, id, req.queryConfig.fields)
  res.json({ cart })
}
