import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { PAYMENT_MODULE } from "../../../modules/payment/index.ts"
import type { PaymentModuleService, PaymentSessionDTO } from "../../../modules/payment/index.ts"

export type DeletePaymentSessionsStepInput = { ids: string[] }

type DeletedSession = Pick<PaymentSessionDTO, "payment_collection_id" | "provider_id" | "amount" | "currency_code" | "data" | "context">

/**
 * Deletes payment sessions, telling their providers. A session cannot be taken back from a provider,
 * so compensation opens new sessions with the same provider, amount, data and context.
 */
export const deletePaymentSessionsStepId = "delete-payment-sessions-step"
export const deletePaymentSessionsStep = createStep(
  deletePaymentSessionsStepId,
  async ({ ids }: DeletePaymentSessionsStepInput, { container }) => {
    if (ids.length === 0) return new StepResponse<string[], DeletedSession[]>([], [])
    const payment = container.resolve<PaymentModuleService>(PAYMENT_MODULE)
    const sessions = await payment.listPaymentSessions({ id: ids })
    const deleted: DeletedSession[] = []
    try {
      for (const session of sessions) {
        await payment.deletePaymentSession(session.id)
        deleted.push(session)
      }
    } catch (error) {
      // The step fails as a whole: the sessions deleted before the failure are opened again first.
      await recreate(payment, deleted)
      throw error
    }
    return new StepResponse(
      sessions.map((session) => session.id),
      deleted,
    )
  },
  async (deleted, { container }) => {
    if (!deleted || deleted.length === 0) return
    await recreate(container.resolve<PaymentModuleService>(PAYMENT_MODULE), deleted)
  },
)

async function recreate(payment: PaymentModuleService, sessions: DeletedSession[]): Promise<void> {
  for (const session of sessions) {
    await payment.createPaymentSession(session.payment_collection_id, {
      provider_id: session.provider_id,
      amount: session.amount,
      currency_code: session.currency_code,
      data: session.data,
      context: session.context ?? undefined,
    })
  }
}
