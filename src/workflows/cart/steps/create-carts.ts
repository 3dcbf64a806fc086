import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { CART_MODULE } from "../../../modules/cart/index.ts"
import type { CartModuleService, CreateCartInput } from "../../../modules/cart/index.ts"

/** Creates carts with their addresses and lines; compensation deletes them (lines and addresses too). */
export const createCartsStepId = "create-carts-step"
export const createCartsStep = createStep(
  createCartsStepId,
  async (input: CreateCartInput[], { container }) => {
    const carts = await container.resolve<CartModuleService>(CART_MODULE).createCarts(input)
    return new StepResponse(
      carts,
      carts.map((cart) => cart.id),
    )
  },
  async (cartIds, { container }) => {
    if (!cartIds || cartIds.length === 0) return
    await container.resolve<CartModuleService>(CART_MODULE).deleteCarts(cartIds)
  },
)
