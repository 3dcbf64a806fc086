import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import type { ShippingOptionForContext } from "../../../modules/fulfillment/index.ts"
import { getShippingOptionsForCartStep } from "../steps/get-shipping-options-for-cart.ts"
import { listShippingOptionsForCartStep } from "../steps/list-shipping-options-for-cart.ts"
import { retrieveCartStep } from "../steps/retrieve-cart.ts"

export type ListShippingOptionsForCartWorkflowInput = { cart_id: string; is_return?: boolean }

/** An option offered for the cart, with its price in the cart's currency (a decimal). */
export type ShippingOptionOfCart = ShippingOptionForContext & { amount: string; is_tax_inclusive: boolean }

/**
 * The shipping options a customer can pick for a cart (Medusa's listShippingOptionsForCartWorkflow):
 * offered for its address from its sales channel's stock locations, each priced in the cart's
 * currency and region; an offered option without such a price is invalid_data naming it.
 */
export const listShippingOptionsForCartWorkflowId = "list-shipping-options-for-cart"
export const listShippingOptionsForCartWorkflow = createWorkflow(
  listShippingOptionsForCartWorkflowId,
  (input: WorkflowData<ListShippingOptionsForCartWorkflowInput>) => {
    const cart = retrieveCartStep({ id: input.cart_id })
    const options = listShippingOptionsForCartStep({ cart, is_return: input.is_return })
    const optionIds = transform({ options }, ({ options }) => options.map((option) => option.id))
    const priced = getShippingOptionsForCartStep({ cart, option_ids: optionIds })
    const result = transform({ options, priced }, ({ options, priced }): ShippingOptionOfCart[] =>
      options.map((option) => {
        const price = priced.options.find((candidate) => candidate.id === option.id)!
        return { ...option, amount: price.amount, is_tax_inclusive: price.is_tax_inclusive }
      }),
    )
    return new WorkflowResponse(result)
  },
)
