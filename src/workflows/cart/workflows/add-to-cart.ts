import { createHook, createWorkflow, parallelize, transform, when, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { CartEvents } from "../events.ts"
import { createLineItemsStep } from "../steps/create-line-items.ts"
import { getVariantsWithPricesStep, readVariantsForCartStep } from "../steps/get-variants-with-prices.ts"
import { acquireLockStep } from "../steps/acquire-lock.ts"
import { releaseLockStep } from "../steps/release-lock.ts"
import { retrieveCartStep } from "../steps/retrieve-cart.ts"
import { CART_LOCK_TIMEOUT, CART_LOCK_TTL } from "../utils/cart-lock.ts"
import { updateLineItemsStep } from "../steps/update-line-items.ts"
import { checkItems, lineItemActions, lineItemData, variantQuantities } from "../utils/line-items.ts"
import type { CartItemInput } from "../utils/types.ts"
import { refreshPaymentCollectionIfAny } from "./refresh-payment-collection-for-cart.ts"

export type AddToCartWorkflowInput = {
  cart_id: string
  items: CartItemInput[]
  additional_data?: Record<string, unknown>
}

/**
 * Adds variants to a cart: each must be of a published product sold in the cart's sales channel,
 * priced in the cart's currency and region, and covered by stock at the channel's locations (unless
 * it does not manage inventory or allows backorders). A variant already in the cart with the same
 * metadata adds to that line's quantity. Hook `validate` runs before anything is written. Returns
 * nothing, as Medusa's does: whoever wants the cart reads it after (the route, with its fields).
 */
export const addToCartWorkflowId = "add-to-cart"
export const addToCartWorkflow = createWorkflow(addToCartWorkflowId, (input: WorkflowData<AddToCartWorkflowInput>) => {
  acquireLockStep({ key: input.cart_id, timeout: CART_LOCK_TIMEOUT, ttl: CART_LOCK_TTL })
  const items = transform({ input }, ({ input }) => checkItems(input.items))
  const variantIds = transform({ items }, ({ items }) => items.map((item) => item.variant_id))
  // The variants do not depend on the cart: read beside it.
  const [cart, unpriced] = parallelize(
    retrieveCartStep({ id: input.cart_id, validate: true }),
    readVariantsForCartStep({ variant_ids: variantIds }),
  )

  const stockNeeded = transform({ cart, items }, ({ cart, items }) => variantQuantities(cart.items, items))
  // Sold in the cart's channel, priced, in stock: checked in the step that prices the variants.
  const variants = getVariantsWithPricesStep({
    variant_ids: variantIds,
    variants: unpriced,
    currency_code: cart.currency_code,
    region_id: cart.region_id,
    validate: transform({ cart, stockNeeded }, ({ cart, stockNeeded }) => ({
      sales_channel: { sales_channel_id: cart.sales_channel_id },
      prices: true,
      inventory: { sales_channel_id: cart.sales_channel_id, items: stockNeeded },
    })),
  })

  const actions = transform({ cart, items, variants }, ({ cart, items, variants }) =>
    lineItemActions(
      cart.items,
      items.map((item) => lineItemData(variants.find((variant) => variant.id === item.variant_id)!, item.quantity, item.metadata)),
    ),
  )

  const validate = createHook("validate", { input, cart })

  // A step with nothing to do is skipped: no checkpoint of its own.
  when("lines-to-create", { actions }, ({ actions }) => actions.itemsToCreate.length > 0).then(() => {
    createLineItemsStep({ id: cart.id, items: actions.itemsToCreate })
  })
  when("lines-to-update", { actions }, ({ actions }) => actions.itemsToUpdate.length > 0).then(() => {
    updateLineItemsStep(actions.itemsToUpdate)
  })
  refreshPaymentCollectionIfAny(cart)
  emitEventStep({ name: CartEvents.UPDATED, data: { id: input.cart_id } })

  releaseLockStep({ key: input.cart_id })
  return new WorkflowResponse(undefined, { hooks: [validate] })
})
