import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { CART_MODULE } from "../../../modules/cart/index.ts"
import type { CartModuleService } from "../../../modules/cart/index.ts"

/** Removes shipping methods from a cart (soft delete); compensation restores them. */
export const removeShippingMethodsStepId = "remove-shipping-methods-step"
export const removeShippingMethodsStep = createStep(
  removeShippingMethodsStepId,
  async (ids: string[], { container }) => {
    if (ids.length === 0) return new StepResponse([], [])
    await container.resolve<CartModuleService>(CART_MODULE).softDeleteShippingMethods(ids)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids || ids.length === 0) return
    await container.resolve<CartModuleService>(CART_MODULE).restoreShippingMethods(ids)
  },
)
