import type { Query } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import type { CartAddress } from "../../../modules/cart/index.ts"
import { FULFILLMENT_MODULE } from "../../../modules/fulfillment/index.ts"
import type { FulfillmentModuleService, ShippingOptionForContext } from "../../../modules/fulfillment/index.ts"
import { shippingContextOf } from "../utils/shipping-context.ts"

export type ListShippingOptionsForCartStepInput = {
  cart: { id: string; sales_channel_id: string | null; shipping_address: CartAddress | null }
  /** Return options instead of shipping ones (the options' `is_return` rule). */
  is_return?: boolean
}

/**
 * The shipping options offered for a cart: their service zone covers its shipping address, their
 * fulfillment set belongs to a stock location of its sales channel, and their rules allow the store.
 * invalid_data when the cart has no shipping address country yet.
 */
export const listShippingOptionsForCartStepId = "list-shipping-options-for-cart-step"
export const listShippingOptionsForCartStep = createStep(
  { name: listShippingOptionsForCartStepId, readOnly: true },
  async (input: ListShippingOptionsForCartStepInput, { container }) => {
    const context = await shippingContextOf(container.resolve<Query>("query"), input.cart)
    const options = await container
      .resolve<FulfillmentModuleService>(FULFILLMENT_MODULE)
      .listShippingOptionsForContext({ ...context, is_return: input.is_return ?? false })
    return new StepResponse<ShippingOptionForContext[]>(options)
  },
)
