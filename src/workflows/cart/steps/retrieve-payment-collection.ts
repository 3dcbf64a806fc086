import type { AwilixContainer } from "awilix"
import { AgoraError } from "../../../framework/errors/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"

export type RetrievePaymentCollectionStepInput = { id: string }

export type PaymentCollectionWithCart = {
  id: string
  amount: string
  currency_code: string
  status: string
  payment_sessions: { id: string }[]
  /** The cart it pays for, when it is a cart's (through the link). */
  cart: { id: string; region_id: string | null; customer_id: string | null; email: string | null; completed_at: string | Date | null } | null
}

/** A payment collection with its sessions and its cart; not_found when there is none. */
export const retrievePaymentCollectionStepId = "retrieve-payment-collection-step"
export const retrievePaymentCollectionStep = createStep(
  { name: retrievePaymentCollectionStepId, readOnly: true },
  async (input: RetrievePaymentCollectionStepInput, { container }) => {
    return new StepResponse(await retrievePaymentCollection(container, input))
  },
)

/** `retrievePaymentCollectionStep`'s read, for steps that read it among others. */
export async function retrievePaymentCollection(container: AwilixContainer, input: RetrievePaymentCollectionStepInput): Promise<PaymentCollectionWithCart> {
  const { data } = await container.resolve<Query>("query").graph<PaymentCollectionWithCart>({
    entity: "payment_collection",
    fields: [
      "id", "amount", "currency_code", "status", "payment_sessions.id",
      "cart.id", "cart.region_id", "cart.customer_id", "cart.email", "cart.completed_at",
    ],
    filters: { id: input.id },
  })
  const collection = data[0]
  if (!collection) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Payment collection with id: ${input.id} was not found`)
  return collection
}
