import type { AwilixContainer } from "awilix"
import type { Query } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import type { CartAddress } from "../../../modules/cart/index.ts"
import { FULFILLMENT_MODULE } from "../../../modules/fulfillment/index.ts"
import type { FulfillmentModuleService } from "../../../modules/fulfillment/index.ts"
import { shippingContextOf } from "../utils/shipping-context.ts"

export type ValidateCartShippingOptionsStepInput = {
  cart: { id: string; sales_channel_id: string | null; shipping_address: CartAddress | null }
  option_ids: string[]
}

/**
 * The options must exist (not_found) and be offered for the cart: their service zone covers its
 * shipping address, their fulfillment set belongs to a stock location of its sales channel, and
 * their rules allow the store (invalid_data).
 */
export const validateCartShippingOptionsStepId = "validate-cart-shipping-options-step"
export const validateCartShippingOptionsStep = createStep(
  { name: validateCartShippingOptionsStepId, readOnly: true },
  async (input: ValidateCartShippingOptionsStepInput, { container }) => {
    await validateCartShippingOptions(container, input)
    return new StepResponse(undefined)
  },
)

/** `validateCartShippingOptionsStep`'s check, for steps that make it among other reads. */
export async function validateCartShippingOptions(container: AwilixContainer, input: ValidateCartShippingOptionsStepInput): Promise<void> {
  const context = await shippingContextOf(container.resolve<Query>("query"), input.cart)
  await container.resolve<FulfillmentModuleService>(FULFILLMENT_MODULE).assertShippingOptionsAvailable(input.option_ids, context)
}
