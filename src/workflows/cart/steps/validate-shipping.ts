import type { AwilixContainer } from "awilix"
import { AgoraError } from "../../../framework/errors/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import type { CartDetail } from "../../../modules/cart/index.ts"
import { FULFILLMENT_MODULE } from "../../../modules/fulfillment/index.ts"
import type { FulfillmentModuleService } from "../../../modules/fulfillment/index.ts"

export type ValidateShippingStepInput = {
  cart: Pick<CartDetail, "id" | "sales_channel_id" | "shipping_address" | "items" | "shipping_methods">
}

export const validateShippingStepId = "validate-shipping-step"
/**
 * A cart whose items need shipping must have a shipping method, and each method's shipping option
 * must still be offered for the cart's address from the stock locations of its sales channel.
 */
export const validateShippingStep = createStep({ name: validateShippingStepId, readOnly: true }, async (input: ValidateShippingStepInput, { container }) => {
  await validateShipping(container, input)
  return new StepResponse(undefined)
})

/** `validateShippingStep`'s check, for steps that make it among others. */
export async function validateShipping(container: AwilixContainer, { cart }: ValidateShippingStepInput): Promise<void> {
  const needsShipping = cart.items.some((item) => item.requires_shipping !== false)
  if (needsShipping && cart.shipping_methods.length === 0) {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, "No shipping method selected but the cart contains items that require shipping.")
  }
  const optionIds = [...new Set(cart.shipping_methods.flatMap((method) => (method.shipping_option_id ? [method.shipping_option_id] : [])))]
  if (optionIds.length === 0) return

  const address = cart.shipping_address
  if (!address?.country_code) {
    throw new AgoraError(
      AgoraError.Types.INVALID_DATA,
      `Cart ${cart.id} has no shipping address: shipping_address.country_code is required for its shipping method`,
    )
  }
  const fulfillmentSetIds = cart.sales_channel_id ? await fulfillmentSetsOf(container.resolve<Query>("query"), cart.sales_channel_id) : undefined
  await container.resolve<FulfillmentModuleService>(FULFILLMENT_MODULE).assertShippingOptionsAvailable(optionIds, {
    address: { country_code: address.country_code, province_code: address.province, city: address.city, postal_code: address.postal_code },
    fulfillment_set_ids: fulfillmentSetIds,
    enabled_in_store: true,
    is_return: false,
  })
}

/** The fulfillment sets of the stock locations a sales channel sells from. */
async function fulfillmentSetsOf(query: Query, salesChannelId: string): Promise<string[]> {
  const { data } = await query.graph<{ stock_locations: { fulfillment_sets: { id: string }[] }[] }>({
    entity: "sales_channel",
    fields: ["stock_locations.fulfillment_sets.id"],
    filters: { id: salesChannelId },
  })
  return (data[0]?.stock_locations ?? []).flatMap((location) => location.fulfillment_sets.map((set) => set.id))
}
