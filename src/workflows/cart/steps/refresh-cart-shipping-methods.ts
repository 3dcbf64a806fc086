import type { Query } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { CART_MODULE } from "../../../modules/cart/index.ts"
import type { CartModuleService } from "../../../modules/cart/index.ts"
import { FULFILLMENT_MODULE } from "../../../modules/fulfillment/index.ts"
import type { FulfillmentModuleService } from "../../../modules/fulfillment/index.ts"
import { shippingContextOf } from "../utils/shipping-context.ts"

export type RefreshCartShippingMethodsStepInput = {
  cart_id: string
  /** Drop every method (the region, hence the currency, changed). */
  remove_all?: boolean
}

/**
 * Removes (soft delete) the cart's shipping methods whose option is no longer offered for it (its
 * address or sales channel changed), or all of them; compensation restores them.
 */
export const refreshCartShippingMethodsStepId = "refresh-cart-shipping-methods-step"
export const refreshCartShippingMethodsStep = createStep(
  refreshCartShippingMethodsStepId,
  async (input: RefreshCartShippingMethodsStepInput, { container }) => {
    const carts = container.resolve<CartModuleService>(CART_MODULE)
    const cart = await carts.retrieveCart(input.cart_id)
    if (cart.shipping_methods.length === 0) return new StepResponse<string[], string[]>([], [])
    let removed = cart.shipping_methods.map((method) => method.id)
    if (!input.remove_all && cart.shipping_address?.country_code) {
      const context = await shippingContextOf(container.resolve<Query>("query"), cart)
      const optionIds = cart.shipping_methods.flatMap((method) => (method.shipping_option_id ? [method.shipping_option_id] : []))
      const available = await container
        .resolve<FulfillmentModuleService>(FULFILLMENT_MODULE)
        .listShippingOptionsForContext({ ...context, id: optionIds })
      removed = cart.shipping_methods
        .filter((method) => !available.some((option) => option.id === method.shipping_option_id))
        .map((method) => method.id)
    }
    if (removed.length > 0) await carts.softDeleteShippingMethods(removed)
    return new StepResponse(removed, removed)
  },
  async (removed, { container }) => {
    if (!removed || removed.length === 0) return
    await container.resolve<CartModuleService>(CART_MODULE).restoreShippingMethods(removed)
  },
)
