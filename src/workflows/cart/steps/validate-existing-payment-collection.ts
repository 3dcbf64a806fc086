import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"

export type ValidateExistingPaymentCollectionStepInput = { cart: { id: string; payment_collection: { id: string } | null } }

/** A cart is paid through one payment collection: refuses to create a second one. */
export const validateExistingPaymentCollectionStepId = "validate-existing-payment-collection-step"
export const validateExistingPaymentCollectionStep = createStep(
  { name: validateExistingPaymentCollectionStepId, readOnly: true },
  async (input: ValidateExistingPaymentCollectionStepInput) => {
    assertNoPaymentCollection(input)
    return new StepResponse(undefined)
  },
)

export function assertNoPaymentCollection({ cart }: ValidateExistingPaymentCollectionStepInput): void {
  if (cart.payment_collection) {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, `Cart ${cart.id} already has a payment collection (${cart.payment_collection.id})`)
  }
}
