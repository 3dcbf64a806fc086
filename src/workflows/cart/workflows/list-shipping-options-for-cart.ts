import { createWorkflow, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { listPricedShippingOptionsForCartStep } from "../steps/list-priced-shipping-options-for-cart.ts"
import type { PricedShippingOptionForCart } from "../steps/list-priced-shipping-options-for-cart.ts"

export type ListShippingOptionsForCartWorkflowInput = { cart_id: string; is_return?: boolean }

/** An option offered for the cart, with its price in the cart's currency (a decimal). */
export type ShippingOptionOfCart = PricedShippingOptionForCart

/**
 * The shipping options a customer can pick for a cart (Medusa's listShippingOptionsForCartWorkflow):
 * offered for its address from its sales channel's stock locations, each priced in the cart's
 * currency and region; an offered option without such a price is invalid_data naming it. The reads
 * are one step (one checkpoint).
 */
export const listShippingOptionsForCartWorkflowId = "list-shipping-options-for-cart"
export const listShippingOptionsForCartWorkflow = createWorkflow(
  listShippingOptionsForCartWorkflowId,
  (input: WorkflowData<ListShippingOptionsForCartWorkflowInput>) => {
    const options = listPricedShippingOptionsForCartStep({ cart_id: input.cart_id, is_return: input.is_return })
    return new WorkflowResponse(options)
  },
)
