import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { PAYMENT_MODULE } from "../../../modules/payment/index.ts"
import type { CreatePaymentSessionInput, PaymentModuleService } from "../../../modules/payment/index.ts"

export type CreatePaymentSessionStepInput = CreatePaymentSessionInput & { payment_collection_id: string }

/** Opens a payment session with a provider for a collection; compensation deletes it (telling the provider). */
export const createPaymentSessionStepId = "create-payment-session-step"
export const createPaymentSessionStep = createStep(
  createPaymentSessionStepId,
  async ({ payment_collection_id, ...input }: CreatePaymentSessionStepInput, { container }) => {
    const session = await container.resolve<PaymentModuleService>(PAYMENT_MODULE).createPaymentSession(payment_collection_id, input)
    return new StepResponse(session, session.id)
  },
  async (sessionId, { container }) => {
    if (!sessionId) return
    await container.resolve<PaymentModuleService>(PAYMENT_MODULE).deletePaymentSession(sessionId)
  },
)
