import { createWorkflow, transform, when, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { CartEvents } from "../events.ts"
import { acquireLockStep } from "../steps/acquire-lock.ts"
import { addShippingMethodsStep } from "../steps/add-shipping-methods.ts"
import { prepareShippingMethodsStep } from "../steps/prepare-shipping-methods.ts"
import { releaseLockStep } from "../steps/release-lock.ts"
import { removeShippingMethodsStep } from "../steps/remove-shipping-methods.ts"
import { CART_LOCK_TIMEOUT, CART_LOCK_TTL } from "../utils/cart-lock.ts"
import { refreshPaymentCollectionIfAny } from "./refresh-payment-collection-for-cart.ts"

export type AddShippingMethodToCartWorkflowInput = {
  cart_id: string
  options: { id: string; data?: Record<string, unknown> | null }[]
}

/**
 * Ships a cart with shipping options: each must be offered for the cart (its address, its sales
 * channel's stock locations, the store's rules) and priced in its currency. The new methods replace
 * the cart's methods of the same shipping profiles. Returns nothing, as Medusa's does: whoever
 * wants the cart reads it after (the route, with its fields).
 */
export const addShippingMethodToCartWorkflowId = "add-shipping-method-to-cart"
export const addShippingMethodToCartWorkflow = createWorkflow(
  addShippingMethodToCartWorkflowId,
  (input: WorkflowData<AddShippingMethodToCartWorkflowInput>) => {
    acquireLockStep({ key: input.cart_id, timeout: CART_LOCK_TIMEOUT, ttl: CART_LOCK_TTL })
    // The cart, and its options offered, priced and their data checked: one step before any write.
    const prepared = prepareShippingMethodsStep({ cart_id: input.cart_id, options: input.options })
    const cart = transform({ prepared }, ({ prepared }) => prepared.cart)

    // Nothing to replace (a first method): no step, and no checkpoint of its own.
    when("methods-replaced", { prepared }, ({ prepared }) => prepared.replaced_method_ids.length > 0).then(() => {
      removeShippingMethodsStep(transform({ prepared }, ({ prepared }) => prepared.replaced_method_ids))
    })
    addShippingMethodsStep({ cart_id: input.cart_id, shipping_methods: transform({ prepared }, ({ prepared }) => prepared.methods) })
    refreshPaymentCollectionIfAny(cart)
    emitEventStep({ name: CartEvents.UPDATED, data: { id: input.cart_id } })
    releaseLockStep({ key: input.cart_id })
    return new WorkflowResponse(undefined)
  },
)
