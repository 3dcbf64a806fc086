import type { AgoraRequest, AgoraResponse } from "../../../framework/http/index.ts"
import { createCartWorkflow } from "../../../workflows/cart/index.ts"
import { cartAddressInput } from "./helpers/addresses.ts"
import { customerIdOf } from "./helpers/cart-access.ts"
import { retrieveCart } from "./helpers/cart-response.ts"
import type { StoreCreateCart } from "./validators.ts"

/**
 * Creates a cart: in the signed-in customer's name when a customer token is sent, in the sales
 * channel of the publishable key (API.md §4). Promotion codes are accepted and, with no promotions
 * in the store, apply nothing; `locale` is accepted and not kept.
 */
export const POST = async (req: AgoraRequest<StoreCreateCart>, res: AgoraResponse) => {
  const { promo_codes: _codes, locale: _locale, shipping_address, billing_address, ...body } = req.validatedBody
  const { result } = await createCartWorkflow(req.scope).run({
    input: {
      ...body,
      shipping_address: await cartAddressInput(req, shipping_address),
      billing_address: await cartAddressInput(req, billing_address),
      customer_id: customerIdOf(req) ?? null,
      publishable_key_id: req.publishable_key_context.id,
    },
  })
  const cart = await retrieveCart(req.scope, result.id, req.queryConfig.fields)
  res.json({ cart })
}
