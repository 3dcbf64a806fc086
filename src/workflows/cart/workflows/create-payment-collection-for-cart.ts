import { money } from "../../../framework/money/index.ts"
import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { createLinksStep } from "../../common/index.ts"
import { createPaymentCollectionsStep } from "../steps/create-payment-collections.ts"
import { acquireLockStep } from "../steps/acquire-lock.ts"
import { releaseLockStep } from "../steps/release-lock.ts"
import { retrieveCartStep } from "../steps/retrieve-cart.ts"
import { CART_LOCK_TIMEOUT, CART_LOCK_TTL } from "../utils/cart-lock.ts"
import { assertNoPaymentCollection } from "../steps/validate-existing-payment-collection.ts"

export type CreatePaymentCollectionForCartWorkflowInput = { cart_id: string; metadata?: Record<string, unknown> | null }

/**
 * Opens the payment collection a cart is paid through: the cart's total in its currency, linked to
 * the cart. Refused when the cart already has one (the store route answers with that one instead).
 */
export const createPaymentCollectionForCartWorkflowId = "create-payment-collection-for-cart"
export const createPaymentCollectionForCartWorkflow = createWorkflow(
  createPaymentCollectionForCartWorkflowId,
  (input: WorkflowData<CreatePaymentCollectionForCartWorkflowInput>) => {
    acquireLockStep({ key: input.cart_id, timeout: CART_LOCK_TIMEOUT, ttl: CART_LOCK_TTL })
    const cart = retrieveCartStep({ id: input.cart_id, validate: true })
    // A cart is paid through one collection (validateExistingPaymentCollectionStep's check): none is created twice.
    const collectionInput = transform({ cart, input }, ({ cart, input }) => {
      assertNoPaymentCollection({ cart })
      return [{ currency_code: cart.currency_code, amount: money.toDecimal(cart.total), metadata: input.metadata ?? null }]
    })
    const collections = createPaymentCollectionsStep(collectionInput)
    const links = transform({ cart, collections }, ({ cart, collections }) => [
      { cart: { cart_id: cart.id }, payment: { payment_collection_id: collections[0]!.id } },
    ])
    createLinksStep(links)
    releaseLockStep({ key: input.cart_id })
    const collection = transform({ collections }, ({ collections }) => collections[0]!)
    return new WorkflowResponse(collection)
  },
)
