import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { CART_MODULE } from "../../../modules/cart/index.ts"
import type { CartLineItemInput, CartModuleService } from "../../../modules/cart/index.ts"

export type CreateLineItemsStepInput = { id: string; items: CartLineItemInput[] }

/** Adds lines to a cart that is not completed; compensation deletes them. */
export const createLineItemsStepId = "create-line-items-step"
export const createLineItemsStep = createStep(
  createLineItemsStepId,
  async (input: CreateLineItemsStepInput, { container }) => {
    if (input.items.length === 0) return new StepResponse([], [])
    const items = await container.resolve<CartModuleService>(CART_MODULE).addLineItems(input.id, input.items)
    return new StepResponse(
      items,
      items.map((item) => item.id),
    )
  },
  async (itemIds, { container }) => {
    if (!itemIds || itemIds.length === 0) return
    await container.resolve<CartModuleService>(CART_MODULE).deleteLineItems(itemIds)
  },
)
