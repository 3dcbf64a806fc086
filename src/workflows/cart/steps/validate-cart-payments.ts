import { AgoraError } from "../../../framework/errors/index.ts"
import { money } from "../../../framework/money/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import type { CompletionPaymentCollection } from "./complete-cart-load.ts"

export type ValidateCartPaymentsStepInput = {
  cart: { id: string; total: number }
  payment_collection: CompletionPaymentCollection | null
}

/** Statuses of a session that can still be authorized (or already is). */
const AUTHORIZABLE = ["pending", "requires_more", "authorized", "captured", "pending_authorization"]

export const validateCartPaymentsStepId = "validate-cart-payments-step"
/**
 * A cart with something to pay needs a payment collection for its total holding a session that can
 * be authorized. Returns that session (the newest one), or null when there is nothing to pay.
 */
export const validateCartPaymentsStep = createStep(
  { name: validateCartPaymentsStepId, readOnly: true },
  async (input: ValidateCartPaymentsStepInput) => new StepResponse<{ id: string } | null>(validateCartPayments(input)),
)

/** `validateCartPaymentsStep`'s check: the session to authorize, or null when there is nothing to pay. */
export function validateCartPayments({ cart, payment_collection: collection }: ValidateCartPaymentsStepInput): { id: string } | null {
  if (money.compare(cart.total, 0) <= 0) return null
  if (!collection) throw invalid(`Payment collection has not been initiated for cart ${cart.id}`)
  if (money.compare(collection.amount, cart.total) !== 0) {
    throw invalid(
      `Payment collection ${collection.id} amount ${money.toDecimal(collection.amount)} does not match the total ${money.toDecimal(cart.total)} of cart ${cart.id}: refresh the payment collection`,
    )
  }
  const sessions = collection.payment_sessions
    .filter((session) => AUTHORIZABLE.includes(session.status))
    .sort((a, b) => new Date(b.created_at).getTime() - new Date(a.created_at).getTime() || (a.id < b.id ? 1 : -1))
  const session = sessions[0]
  if (!session) throw invalid(`Payment sessions are required to complete cart ${cart.id}`)
  return { id: session.id }
}

function invalid(message: string): AgoraError {
  return new AgoraError(AgoraError.Types.INVALID_DATA, message)
}
