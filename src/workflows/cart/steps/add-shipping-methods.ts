import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { CART_MODULE } from "../../../modules/cart/index.ts"
import type { CartModuleService, CartShippingMethodInput } from "../../../modules/cart/index.ts"

export type AddShippingMethodsStepInput = { cart_id: string; shipping_methods: CartShippingMethodInput[] }

/** Adds shipping methods to a cart that is not completed; compensation deletes them. */
export const addShippingMethodsStepId = "add-shipping-methods-step"
export const addShippingMethodsStep = createStep(
  addShippingMethodsStepId,
  async (input: AddShippingMethodsStepInput, { container }) => {
    if (input.shipping_methods.length === 0) return new StepResponse([], [])
    const methods = await container.resolve<CartModuleService>(CART_MODULE).addShippingMethods(input.cart_id, input.shipping_methods)
    return new StepResponse(
      methods,
      methods.map((method) => method.id),
    )
  },
  async (ids, { container }) => {
    if (!ids || ids.length === 0) return
    await container.resolve<CartModuleService>(CART_MODULE).deleteShippingMethods(ids)
  },
)
