import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { createPaymentSessionStep } from "../steps/create-payment-session.ts"
import { deletePaymentSessionsStep } from "../steps/delete-payment-sessions.ts"
import { preparePaymentSessionStep } from "../steps/prepare-payment-session.ts"

export type CreatePaymentSessionsWorkflowInput = {
  payment_collection_id: string
  provider_id: string
  /** The signed-in customer, attached to the payment context. */
  customer_id?: string | null
  data?: Record<string, unknown>
  context?: Record<string, unknown>
}

/**
 * Opens a payment session with a provider for a collection's amount, and deletes the collection's
 * other sessions (one way of paying at a time, as in Medusa). For a cart's collection the provider
 * must be offered in the cart's region and the cart must still be open. Returns the session.
 */
export const createPaymentSessionsWorkflowId = "create-payment-sessions"
export const createPaymentSessionsWorkflow = createWorkflow(
  createPaymentSessionsWorkflowId,
  (input: WorkflowData<CreatePaymentSessionsWorkflowInput>) => {
    // The collection, its cart still open and the provider offered in its region: one step.
    const collection = preparePaymentSessionStep({ payment_collection_id: input.payment_collection_id, provider_id: input.provider_id })
    const sessionInput = transform({ collection, input }, ({ collection, input }) => {
      const customerId = input.customer_id ?? collection.cart?.customer_id
      return {
        payment_collection_id: collection.id,
        provider_id: input.provider_id,
        // The collection's, as just read: the payment module need not read it again.
        amount: collection.amount,
        currency_code: collection.currency_code,
        data: input.data ?? {},
        context: {
          ...input.context,
          ...(collection.cart ? { cart_id: collection.cart.id, email: collection.cart.email } : {}),
          ...(customerId ? { customer: { id: customerId } } : {}),
        },
      }
    })
    const session = createPaymentSessionStep(sessionInput)
    deletePaymentSessionsStep(transform({ collection }, ({ collection }) => ({ ids: collection.payment_sessions.map((s) => s.id) })))
    return new WorkflowResponse(session)
  },
)
