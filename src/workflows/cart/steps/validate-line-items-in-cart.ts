import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"

export type ValidateLineItemsInCartStepInput = { cart: { id: string; items: { id: string }[] }; ids: string[] }

/** The lines must be lines of this cart: not_found naming the first that is not. */
export const validateLineItemsInCartStepId = "validate-line-items-in-cart-step"
export const validateLineItemsInCartStep = createStep(
  { name: validateLineItemsInCartStepId, readOnly: true },
  async (input: ValidateLineItemsInCartStepInput) => {
    assertLineItemsInCart(input)
    return new StepResponse(undefined)
  },
)

export function assertLineItemsInCart({ cart, ids }: ValidateLineItemsInCartStepInput): void {
  const missing = ids.find((id) => !cart.items.some((item) => item.id === id))
  if (missing !== undefined) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Line item with id: ${missing} was not found`)
}
