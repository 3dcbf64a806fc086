import { money } from "../../../framework/money/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { PAYMENT_MODULE } from "../../../modules/payment/index.ts"
import type { PaymentModuleService } from "../../../modules/payment/index.ts"

/** A payment of the order as Query reads it: amounts are decimal strings. */
export type OrderPayment = {
  id: string
  canceled_at: string | Date | null
  captures: { amount: string }[]
  refunds: { amount: string }[]
}

export const cancelOrderPaymentsStepId = "cancel-order-payments-step"
/**
 * Gives the customer's money back: what was captured and not refunded is refunded, then every payment
 * still open is canceled with its provider. A provider cannot take a cancellation back, so this step
 * has no compensation: workflows run it after everything that may still fail.
 */
export const cancelOrderPaymentsStep = createStep(
  cancelOrderPaymentsStepId,
  async ({ payments }: { payments: OrderPayment[] }, { container }) => {
    const service = container.resolve<PaymentModuleService>(PAYMENT_MODULE)
    const canceled: string[] = []
    for (const payment of payments) {
      if (payment.canceled_at) continue
      const kept = money.subtract(money.sum(payment.captures, (c) => c.amount), money.sum(payment.refunds, (r) => r.amount))
      if (money.compare(kept, 0) > 0) await service.refundPayment({ payment_id: payment.id, amount: kept, note: "Order canceled" })
      await service.cancelPayment(payment.id)
      canceled.push(payment.id)
    }
    return new StepResponse(canceled)
  },
)
