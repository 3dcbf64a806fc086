import { AgoraError } from "../../../framework/errors/index.ts"
import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { CartEvents } from "../events.ts"
import { addShippingMethodsStep } from "../steps/add-shipping-methods.ts"
import { getShippingOptionsForCartStep } from "../steps/get-shipping-options-for-cart.ts"
import { removeShippingMethodsStep } from "../steps/remove-shipping-methods.ts"
import { acquireLockStep } from "../steps/acquire-lock.ts"
import { releaseLockStep } from "../steps/release-lock.ts"
import { retrieveCartStep } from "../steps/retrieve-cart.ts"
import { CART_LOCK_TIMEOUT, CART_LOCK_TTL } from "../utils/cart-lock.ts"
import { validateCartShippingOptionsStep } from "../steps/validate-cart-shipping-options.ts"
import { validateCartStep } from "../steps/validate-cart.ts"
import { validateShippingMethodsDataStep } from "../steps/validate-shipping-methods-data.ts"
import { refreshPaymentCollectionForCartWorkflow } from "./refresh-payment-collection-for-cart.ts"

export type AddShippingMethodToCartWorkflowInput = {
  cart_id: string
  options: { id: string; data?: Record<string, unknown> | null }[]
}

/**
 * Ships a cart with shipping options: each must be offered for the cart (its address, its sales
 * channel's stock locations, the store's rules) and priced in its currency. The new methods replace
 * the cart's methods of the same shipping profiles. Returns the cart.
 */
export const addShippingMethodToCartWorkflowId = "add-shipping-method-to-cart"
export const addShippingMethodToCartWorkflow = createWorkflow(
  addShippingMethodToCartWorkflowId,
  (input: WorkflowData<AddShippingMethodToCartWorkflowInput>) => {
    acquireLockStep({ key: input.cart_id, timeout: CART_LOCK_TIMEOUT, ttl: CART_LOCK_TTL })
    const cart = retrieveCartStep({ id: input.cart_id })
    validateCartStep({ cart })
    const optionIds = transform({ input }, ({ input }) => {
      const ids = (input.options ?? []).map((option) => option?.id)
      if (ids.length === 0 || ids.some((id) => typeof id !== "string" || id === "")) {
        throw new AgoraError(AgoraError.Types.INVALID_DATA, "options must list at least one shipping option, each with its id")
      }
      return [...new Set(ids)]
    })
    validateCartShippingOptionsStep({ cart, option_ids: optionIds })
    const shipping = getShippingOptionsForCartStep({ cart, option_ids: optionIds })
    const cartContext = transform({ cart }, ({ cart }) => ({
      id: cart.id,
      currency_code: cart.currency_code,
      region_id: cart.region_id,
      sales_channel_id: cart.sales_channel_id,
      shipping_address: cart.shipping_address,
    }))
    const data = validateShippingMethodsDataStep({ cart: cartContext, options: shipping.options, requested: input.options })
    const methods = transform({ shipping, data }, ({ shipping, data }) =>
      shipping.options.map((option) => ({
        name: option.name,
        amount: option.amount,
        is_tax_inclusive: option.is_tax_inclusive,
        shipping_option_id: option.id,
        data: data[option.id] ?? {},
      })),
    )

    removeShippingMethodsStep(shipping.replaced_method_ids)
    addShippingMethodsStep({ cart_id: input.cart_id, shipping_methods: methods })
    refreshPaymentCollectionForCartWorkflow.runAsStep({ input: { cart_id: input.cart_id } })
    emitEventStep({ name: CartEvents.UPDATED, data: { id: input.cart_id } })
    releaseLockStep({ key: input.cart_id })
    const updated = retrieveCartStep({ id: input.cart_id }).config({ name: "retrieve-updated-cart-step" })
    return new WorkflowResponse(updated)
  },
)
