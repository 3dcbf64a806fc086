import type { AgoraRequest, AgoraResponse } from "../../../framework/http/index.ts"
import { money } from "../../../framework/money/index.ts"
import { listShippingOptionsForCartWorkflow } from "../../../workflows/cart/index.ts"
import { assertCartAccess, prefetchCartOwner } from "../carts/helpers/cart-access.ts"
import { fieldTree, pruneToTree } from "../../utils/field-tree.ts"
import type { StoreGetShippingOptions } from "./validators.ts"

// Who owns the cart is read while the publishable key is checked.
export const prefetch = { GET: prefetchCartOwner((req) => (req.query as { cart_id?: unknown }).cart_id) }

/** The options a customer can pick for a cart, priced in its currency: `{ shipping_options }`, no paging. */
export const GET = async (req: AgoraRequest<unknown, StoreGetShippingOptions>, res: AgoraResponse) => {
  const { cart_id, is_return } = req.validatedQuery
  await assertCartAccess(req, cart_id)
  const { result } = await listShippingOptionsForCartWorkflow(req.scope).run({ input: { cart_id, is_return } })
  const options = result.map((option) => {
    const amount = money.toAmount(option.amount)
    return {
      id: option.id,
      name: option.name,
      price_type: option.price_type,
      service_zone_id: option.service_zone_id,
      shipping_profile_id: option.shipping_profile_id,
      provider_id: option.provider_id,
      data: option.data,
      metadata: option.metadata,
      type: option.type,
      amount,
      is_tax_inclusive: option.is_tax_inclusive,
      calculated_price: {
        calculated_amount: amount,
        original_amount: amount,
        is_calculated_price_tax_inclusive: option.is_tax_inclusive,
        is_original_price_tax_inclusive: option.is_tax_inclusive,
      },
    }
  })
  res.json({ shipping_options: pruneToTree(options, fieldTree(req.queryConfig.fields)) })
}
