import type { AwilixContainer } from "awilix"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { FULFILLMENT_MODULE } from "../../../modules/fulfillment/index.ts"
import type { FulfillmentModuleService } from "../../../modules/fulfillment/index.ts"
import type { ShippingOptionForCart } from "./get-shipping-options-for-cart.ts"

export type ValidateShippingMethodsDataStepInput = {
  cart: Record<string, unknown>
  options: Pick<ShippingOptionForCart, "id" | "provider_id" | "data">[]
  /** The data the customer gave with each option. */
  requested: { id: string; data?: Record<string, unknown> | null }[]
}

/** Lets each option's provider check (and complete) the data given with it; returns the data to keep per option id. */
export const validateShippingMethodsDataStepId = "validate-shipping-methods-data-step"
export const validateShippingMethodsDataStep = createStep(
  { name: validateShippingMethodsDataStepId, readOnly: true },
  async (input: ValidateShippingMethodsDataStepInput, { container }) => {
    return new StepResponse(await validateShippingMethodsData(container, input))
  },
)

/** `validateShippingMethodsDataStep`'s checks, for steps that make them among other reads. */
export async function validateShippingMethodsData(
  container: AwilixContainer,
  input: ValidateShippingMethodsDataStepInput,
): Promise<Record<string, Record<string, unknown>>> {
  const fulfillment = container.resolve<FulfillmentModuleService>(FULFILLMENT_MODULE)
  const data: Record<string, Record<string, unknown>> = {}
  for (const option of input.options) {
    const given = input.requested.find((request) => request.id === option.id)?.data ?? {}
    data[option.id] = option.provider_id
      ? await fulfillment.validateFulfillmentData(option.provider_id, option.data ?? {}, given, { cart: input.cart })
      : given
  }
  return data
}
