import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { CartEvents } from "../events.ts"
import { deleteLineItemsStep } from "../steps/delete-line-items.ts"
import { acquireLockStep } from "../steps/acquire-lock.ts"
import { releaseLockStep } from "../steps/release-lock.ts"
import { retrieveCartStep } from "../steps/retrieve-cart.ts"
import { CART_LOCK_TIMEOUT, CART_LOCK_TTL } from "../utils/cart-lock.ts"
import { assertLineItemsInCart } from "../steps/validate-line-items-in-cart.ts"
import { refreshPaymentCollectionIfAny } from "./refresh-payment-collection-for-cart.ts"

export type DeleteLineItemsWorkflowInput = { cart_id: string; ids: string[] }

/** Removes lines from a cart that is not completed; every id must be a line of that cart. Returns the cart. */
export const deleteLineItemsWorkflowId = "delete-line-items"
export const deleteLineItemsWorkflow = createWorkflow(deleteLineItemsWorkflowId, (input: WorkflowData<DeleteLineItemsWorkflowInput>) => {
  acquireLockStep({ key: input.cart_id, timeout: CART_LOCK_TIMEOUT, ttl: CART_LOCK_TTL })
  const cart = retrieveCartStep({ id: input.cart_id, validate: true })
  // Every id must be a line of the cart (validateLineItemsInCartStep's check) before any is removed.
  const ids = transform({ cart, input }, ({ cart, input }) => {
    assertLineItemsInCart({ cart, ids: input.ids })
    return input.ids
  })
  deleteLineItemsStep(ids)
  refreshPaymentCollectionIfAny(cart)
  emitEventStep({ name: CartEvents.UPDATED, data: { id: input.cart_id } })
  releaseLockStep({ key: input.cart_id })
  const updated = retrieveCartStep({ id: input.cart_id }).config({ name: "retrieve-updated-cart-step" })
  return new WorkflowResponse(updated)
})
