import { createHook, createWorkflow, parallelize, transform, when, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import type { CartAddressInput } from "../../../modules/cart/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { CartEvents } from "../events.ts"
import { findOrCreateCustomerStep } from "../steps/find-or-create-customer.ts"
import { prepareCartUpdateStep } from "../steps/prepare-cart-update.ts"
import { refreshCartShippingMethodsStep } from "../steps/refresh-cart-shipping-methods.ts"
import { acquireLockStep } from "../steps/acquire-lock.ts"
import { releaseLockStep } from "../steps/release-lock.ts"
import { retrieveCartStep } from "../steps/retrieve-cart.ts"
import { CART_LOCK_TIMEOUT, CART_LOCK_TTL } from "../utils/cart-lock.ts"
import { setCartAddressesStep } from "../steps/set-cart-addresses.ts"
import { updateCartsStep } from "../steps/update-carts.ts"
import { updateLineItemsStep } from "../steps/update-line-items.ts"
import { refreshPaymentCollectionIfAny } from "./refresh-payment-collection-for-cart.ts"

export type UpdateCartWorkflowInput = {
  id: string
  /** A new region: the cart takes its currency, its lines are priced again and its shipping methods dropped. */
  region_id?: string | null
  /** A guest's email makes the cart the guest customer's of that email; a registered customer keeps the cart. */
  email?: string | null
  /** The signed-in customer the cart now belongs to. */
  customer_id?: string | null
  sales_channel_id?: string | null
  /** The storefront's publishable key, which a new sales channel must belong to (API.md §4). */
  publishable_key_id?: string | null
  /** An object replaces the address (its country must be in the cart's region), null removes it. */
  shipping_address?: CartAddressInput | null
  billing_address?: CartAddressInput | null
  metadata?: Record<string, unknown> | null
  additional_data?: Record<string, unknown>
}

/**
 * Changes a cart's email, customer, addresses, sales channel, region or metadata. Hooks: `validate`
 * before anything is written, `cartUpdated` after. Publishes `cart.updated` (and
 * `cart.region_updated` when the region changed). Returns the cart.
 */
export const updateCartWorkflowId = "update-cart"
export const updateCartWorkflow = createWorkflow(updateCartWorkflowId, (input: WorkflowData<UpdateCartWorkflowInput>) => {
  acquireLockStep({ key: input.id, timeout: CART_LOCK_TIMEOUT, ttl: CART_LOCK_TTL })
  // The cart, its region and new sales channel, the changes and (for a new region) the lines' new prices.
  const prepared = prepareCartUpdateStep({ input })
  const cart = transform({ prepared }, ({ prepared }) => prepared.cart)

  const validate = createHook("validate", { input, cart })

  const customer = when("customer-given", { input }, ({ input }) => Boolean(input.customer_id || input.email)).then(() =>
    findOrCreateCustomerStep({
      customer_id: transform({ input, cart }, ({ input, cart }) => input.customer_id || cart.customer_id),
      email: input.email,
    }),
  )
  const cartUpdate = transform({ prepared, customer }, ({ prepared, customer }) => {
    const update = customer?.customer ? { ...prepared.update, customer_id: customer.customer.id, email: customer.email } : prepared.update
    return { ...update, current: prepared.cart }
  })
  // The cart's columns and its addresses are written at once (the address step skips itself when they stay).
  parallelize(
    updateCartsStep([cartUpdate]),
    setCartAddressesStep(
      transform({ prepared, input }, ({ prepared, input }) => ({
        id: input.id,
        current: { shipping_address: prepared.cart.shipping_address, billing_address: prepared.cart.billing_address },
        ...prepared.addresses,
      })),
    ),
  )

  when("region-changed", { prepared }, ({ prepared }) => prepared.region_changed).then(() => {
    updateLineItemsStep(transform({ prepared }, ({ prepared }) => prepared.line_items))
  })

  // Under the cart's lock, a cart read without shipping methods still has none: nothing to refresh.
  when("shipping-may-change", { input, prepared }, ({ input, prepared }) =>
    prepared.cart.shipping_methods.length > 0 &&
    Boolean(prepared.region_changed || input.sales_channel_id || prepared.addresses.shipping_address !== undefined),
  ).then(() => {
    refreshCartShippingMethodsStep({ cart_id: input.id, remove_all: prepared.region_changed })
  })

  refreshPaymentCollectionIfAny(cart)
  // `cart.region_updated` (when the region changed) and `cart.updated`, from one step.
  emitEventStep(
    transform({ input, prepared }, ({ input, prepared }) => [
      ...(prepared.region_changed ? [{ name: CartEvents.REGION_UPDATED, data: { id: input.id } }] : []),
      { name: CartEvents.UPDATED, data: { id: input.id } },
    ]),
  )
  const updated = retrieveCartStep({ id: input.id }).config({ name: "retrieve-updated-cart-step" })
  const cartUpdated = createHook("cartUpdated", { cart: updated, additional_data: input.additional_data })
  releaseLockStep({ key: input.id })
  return new WorkflowResponse(updated, { hooks: [validate, cartUpdated] })
})
