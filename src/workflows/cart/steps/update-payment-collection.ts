import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { PAYMENT_MODULE } from "../../../modules/payment/index.ts"
import type { PaymentModuleService } from "../../../modules/payment/index.ts"

/** A collection's amount (a decimal) and currency. */
export type UpdatePaymentCollectionStepInput = { id: string; amount: string; currency_code: string }

/** Changes a payment collection's amount and currency; compensation puts back the ones it had. */
export const updatePaymentCollectionStepId = "update-payment-collection-step"
export const updatePaymentCollectionStep = createStep(
  updatePaymentCollectionStepId,
  async (input: UpdatePaymentCollectionStepInput, { container }) => {
    const payment = container.resolve<PaymentModuleService>(PAYMENT_MODULE)
    const [current] = await payment.listPaymentCollections({ id: input.id }, { take: 1 })
    if (!current) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Payment collection with id: ${input.id} was not found`)
    const updated = await payment.updatePaymentCollections({ id: input.id, amount: input.amount, currency_code: input.currency_code })
    return new StepResponse(updated, { id: current.id, amount: current.amount, currency_code: current.currency_code })
  },
  async (previous, { container }) => {
    if (!previous) return
    await container.resolve<PaymentModuleService>(PAYMENT_MODULE).updatePaymentCollections(previous)
  },
)
