import type { Query } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { CART_MODULE } from "../../../modules/cart/index.ts"
import type { CartDetail, CartModuleService } from "../../../modules/cart/index.ts"

/** The cart's payment collection as completion checks it: amounts are decimal strings. */
export type CompletionPaymentCollection = {
  id: string
  amount: string
  currency_code: string
  status: string
  payment_sessions: { id: string; amount: string; status: string; provider_id: string; created_at: string | Date }[]
}

export type CompleteCartLoadStepOutput = { cart: CartDetail; payment_collection: CompletionPaymentCollection | null }

export const completeCartLoadStepId = "complete-cart-load-step"
/** Reads what completing a cart needs: the cart with its lines, totals and addresses, and its payment collection. */
export const completeCartLoadStep = createStep(completeCartLoadStepId, async (input: { id: string }, { container }) => {
  const cart = await container.resolve<CartModuleService>(CART_MODULE).retrieveCart(input.id)
  const { data } = await container.resolve<Query>("query").graph<{ payment_collection: CompletionPaymentCollection | null }>({
    entity: "cart",
    fields: [
      "payment_collection.id",
      "payment_collection.amount",
      "payment_collection.currency_code",
      "payment_collection.status",
      "payment_collection.payment_sessions.id",
      "payment_collection.payment_sessions.amount",
      "payment_collection.payment_sessions.status",
      "payment_collection.payment_sessions.provider_id",
      "payment_collection.payment_sessions.created_at",
    ],
    filters: { id: input.id },
  })
  return new StepResponse<CompleteCartLoadStepOutput>({ cart, payment_collection: data[0]?.payment_collection ?? null })
})
