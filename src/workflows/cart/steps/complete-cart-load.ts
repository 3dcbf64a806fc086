import type { Query } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import type { CartDetail } from "../../../modules/cart/index.ts"
import { readCartDetail } from "../utils/read-cart.ts"
import { assertCartValid } from "./validate-cart.ts"

/** The cart's payment collection as completion checks it: amounts are decimal strings. */
export type CompletionPaymentCollection = {
  id: string
  amount: string
  currency_code: string
  status: string
  payment_sessions: { id: string; amount: string; status: string; provider_id: string; created_at: string | Date }[]
}

export type CompleteCartLoadStepOutput = {
  /** The order the cart was already placed as (the order_cart link), else null. */
  order_id: string | null
  cart: CartDetail
  payment_collection: CompletionPaymentCollection | null
}

const LINK_FIELDS = [
  "order_link.order_id",
  "payment_collection.id",
  "payment_collection.amount",
  "payment_collection.currency_code",
  "payment_collection.status",
  "payment_collection.payment_sessions.id",
  "payment_collection.payment_sessions.amount",
  "payment_collection.payment_sessions.status",
  "payment_collection.payment_sessions.provider_id",
  "payment_collection.payment_sessions.created_at",
]

type CartLinks = {
  order_link?: { order_id: string } | null
  payment_collection?: CompletionPaymentCollection | null
}

export const completeCartLoadStepId = "complete-cart-load-step"
/**
 * Reads what completing a cart needs, in one statement: the order it was placed as, if any; the
 * cart with its lines, totals and addresses; its payment collection. A cart not placed yet must be
 * open and have lines (as `validateCartStep` with `requireItems` checks).
 */
export const completeCartLoadStep = createStep({ name: completeCartLoadStepId, readOnly: true }, async (input: { id: string }, { container }) => {
  const { cart, extra } = await readCartDetail<CartLinks>(container.resolve<Query>("query"), input.id, LINK_FIELDS)
  const orderId = extra.order_link?.order_id ?? null
  if (orderId === null) assertCartValid({ cart, requireItems: true })
  return new StepResponse<CompleteCartLoadStepOutput>({ order_id: orderId, cart, payment_collection: extra.payment_collection ?? null })
})
