import { money } from "../../../framework/money/index.ts"
import type { Amount } from "../../../framework/money/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { PAYMENT_MODULE } from "../../../modules/payment/index.ts"
import type { PaymentDTO, PaymentModuleService } from "../../../modules/payment/index.ts"

export type CapturePaymentStepInput = { payment_id: string; amount?: Amount; captured_by?: string }

type Captured = { payment_id: string; amount: string }

export const capturePaymentStepId = "capture-payment-step"
/**
 * Captures `amount` (default: all that is left) of an authorized payment through its provider. The
 * money has moved once the provider captured it, so the compensation refunds what this step captured.
 */
export const capturePaymentStep = createStep(
  capturePaymentStepId,
  async (input: CapturePaymentStepInput, { container }) => {
    const payments = container.resolve<PaymentModuleService>(PAYMENT_MODULE)
    const capturedBefore = await capturedOf(payments, input.payment_id)
    const payment = await payments.capturePayment({ payment_id: input.payment_id, amount: input.amount, created_by: input.captured_by })
    const amount = money.subtract(money.sum(payment.captures ?? [], (capture) => capture.amount), capturedBefore)
    return new StepResponse<PaymentDTO, Captured>(payment, { payment_id: payment.id, amount })
  },
  async (captured, { container }) => {
    if (!captured || money.isZero(captured.amount)) return
    await container.resolve<PaymentModuleService>(PAYMENT_MODULE).refundPayment({
      payment_id: captured.payment_id,
      amount: captured.amount,
      note: "Capture rolled back",
    })
  },
)

async function capturedOf(payments: PaymentModuleService, paymentId: string): Promise<string> {
  const [payment] = await payments.listPayments({ id: paymentId }, { relations: ["captures"] })
  return money.sum(payment?.captures ?? [], (capture) => capture.amount)
}
