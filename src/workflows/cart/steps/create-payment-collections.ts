import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { PAYMENT_MODULE } from "../../../modules/payment/index.ts"
import type { PaymentModuleService } from "../../../modules/payment/index.ts"

export type CreatePaymentCollectionInput = {
  currency_code: string
  /** A decimal amount. */
  amount: string
  metadata?: Record<string, unknown> | null
}

/** Creates payment collections; compensation deletes them. */
export const createPaymentCollectionsStepId = "create-payment-collections-step"
export const createPaymentCollectionsStep = createStep(
  createPaymentCollectionsStepId,
  async (input: CreatePaymentCollectionInput[], { container }) => {
    const collections = await container.resolve<PaymentModuleService>(PAYMENT_MODULE).createPaymentCollections(input)
    return new StepResponse(
      collections,
      collections.map((collection) => collection.id),
    )
  },
  async (ids, { container }) => {
    if (!ids || ids.length === 0) return
    await container.resolve<PaymentModuleService>(PAYMENT_MODULE).deletePaymentCollections(ids)
  },
)
