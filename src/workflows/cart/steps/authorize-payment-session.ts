import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { PAYMENT_MODULE } from "../../../modules/payment/index.ts"
import type { PaymentDTO, PaymentModuleService } from "../../../modules/payment/index.ts"

/** `id: null`: there is no session to authorize (a cart with nothing to pay), and the step answers null. */
export type AuthorizePaymentSessionStepInput = { id: string | null; context?: Record<string, unknown> }

export const authorizePaymentSessionStepId = "authorize-payment-session-step"
/**
 * Authorizes a payment session with its provider, which makes the payment (the payment module
 * answers an authorized session with its payment, so a repeated body authorizes once). A refusal
 * fails the step with `not_allowed` (code `payment_authorization_error` or `payment_requires_more_error`).
 * The provider's context carries the step's `idempotency_key`, which the same step, run again after
 * a crash, authorizes with too: its provider can tell the call is repeated, and the session's claim
 * left by the crash is taken over at once. Its compensation cancels the payment with the provider.
 */
export const authorizePaymentSessionStep = createStep(
  authorizePaymentSessionStepId,
  async (input: AuthorizePaymentSessionStepInput, { container, idempotencyKey }) => {
    if (input.id === null) return new StepResponse<PaymentDTO | null, string>(null)
    const payment = await container
      .resolve<PaymentModuleService>(PAYMENT_MODULE)
      .authorizePaymentSession(input.id, { ...input.context, idempotency_key: idempotencyKey })
    return new StepResponse<PaymentDTO | null, string>(payment, payment.id)
  },
  async (paymentId, { container }) => {
    if (!paymentId) return
    await container.resolve<PaymentModuleService>(PAYMENT_MODULE).cancelPayment(paymentId)
  },
)
