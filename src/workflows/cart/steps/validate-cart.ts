import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"

export type ValidateCartStepInput = {
  cart: { id: string; completed_at?: Date | string | null; items?: readonly unknown[] }
  /** Also refuse a cart without lines (completing one makes no sense). */
  requireItems?: boolean
}

/** Refuses to work on a cart that was completed (turned into an order), or, when asked, that has no lines. */
export function assertCartValid({ cart, requireItems }: ValidateCartStepInput): void {
  if (cart.completed_at) throw new AgoraError(AgoraError.Types.INVALID_DATA, `Cart ${cart.id} is already completed.`)
  if (requireItems && (cart.items?.length ?? 0) === 0) throw new AgoraError(AgoraError.Types.INVALID_DATA, `Cart ${cart.id} has no items`)
}

/** `assertCartValid` as a step, for workflows that have the cart from elsewhere. */
export const validateCartStepId = "validate-cart-step"
export const validateCartStep = createStep({ name: validateCartStepId, readOnly: true }, async (input: ValidateCartStepInput) => {
  assertCartValid(input)
  return new StepResponse(undefined)
})
