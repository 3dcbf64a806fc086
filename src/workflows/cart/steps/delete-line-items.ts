import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { CART_MODULE } from "../../../modules/cart/index.ts"
import type { CartModuleService } from "../../../modules/cart/index.ts"

/** Removes lines from a cart (soft delete); compensation restores them. */
export const deleteLineItemsStepId = "delete-line-items-step"
export const deleteLineItemsStep = createStep(
  deleteLineItemsStepId,
  async (ids: string[], { container }) => {
    if (ids.length === 0) return new StepResponse([], [])
    await container.resolve<CartModuleService>(CART_MODULE).softDeleteLineItems(ids)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids || ids.length === 0) return
    await container.resolve<CartModuleService>(CART_MODULE).restoreLineItems(ids)
  },
)
