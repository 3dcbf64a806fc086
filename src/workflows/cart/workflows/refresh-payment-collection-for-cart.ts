import { money } from "../../../framework/money/index.ts"
import { createWorkflow, transform, when } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { deletePaymentSessionsStep } from "../steps/delete-payment-sessions.ts"
import { retrieveCartStep } from "../steps/retrieve-cart.ts"
import { updatePaymentCollectionStep } from "../steps/update-payment-collection.ts"
import type { CartWithLinks } from "../utils/types.ts"

export type RefreshPaymentCollectionForCartWorkflowInput = { cart_id: string }

/**
 * Keeps a cart's payment collection in step with the cart: when the cart's total or currency no
 * longer matches it, the collection takes them and its sessions (opened for the old amount) are
 * deleted, so the customer starts a fresh one. Nothing happens for a cart without a collection.
 */
export const refreshPaymentCollectionForCartWorkflowId = "refresh-payment-collection-for-cart"
export const refreshPaymentCollectionForCartWorkflow = createWorkflow(
  refreshPaymentCollectionForCartWorkflowId,
  (input: WorkflowData<RefreshPaymentCollectionForCartWorkflowInput>) => {
    const cart = retrieveCartStep({ id: input.cart_id })
    when(
      "payment-collection-is-stale",
      { cart },
      ({ cart }) =>
        cart.payment_collection !== null &&
        (money.compare(cart.payment_collection.amount, cart.total) !== 0 || cart.payment_collection.currency_code !== cart.currency_code),
    ).then(() => {
      const stale = transform({ cart }, ({ cart }) => ({
        ids: (cart.payment_collection?.payment_sessions ?? []).map((session) => session.id),
        collection: {
          id: cart.payment_collection?.id as string,
          amount: money.toDecimal(cart.total),
          currency_code: cart.currency_code,
        },
      }))
      deletePaymentSessionsStep({ ids: stale.ids })
      updatePaymentCollectionStep(stale.collection)
    })
  },
)

/**
 * For a cart workflow holding the cart's lock: runs `refreshPaymentCollectionForCartWorkflow` as a
 * step when the cart, as read under that lock, has a payment collection. Collections are opened
 * under the same lock, so a cart read without one still has none, and the nested run (its reads
 * and checkpoints) is skipped.
 */
export function refreshPaymentCollectionIfAny(cart: WorkflowData<CartWithLinks>): void {
  when("cart-has-payment-collection", { cart }, ({ cart }) => cart.payment_collection !== null).then(() => {
    refreshPaymentCollectionForCartWorkflow.runAsStep({ input: { cart_id: cart.id } })
  })
}
