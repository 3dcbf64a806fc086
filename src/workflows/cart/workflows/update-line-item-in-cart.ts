import { createWorkflow, transform, when, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { CartEvents } from "../events.ts"
import { deleteLineItemsStep } from "../steps/delete-line-items.ts"
import { getVariantsWithPricesStep } from "../steps/get-variants-with-prices.ts"
import { acquireLockStep } from "../steps/acquire-lock.ts"
import { releaseLockStep } from "../steps/release-lock.ts"
import { retrieveCartStep } from "../steps/retrieve-cart.ts"
import { CART_LOCK_TIMEOUT, CART_LOCK_TTL } from "../utils/cart-lock.ts"
import { updateLineItemsStep } from "../steps/update-line-items.ts"
import { assertLineItemsInCart } from "../steps/validate-line-items-in-cart.ts"
import { checkQuantity, variantQuantities } from "../utils/line-items.ts"
import { refreshPaymentCollectionIfAny } from "./refresh-payment-collection-for-cart.ts"

export type UpdateLineItemInCartWorkflowInput = {
  cart_id: string
  item_id: string
  /** `quantity: 0` removes the line (API.md §7). */
  update: { quantity: number; metadata?: Record<string, unknown> | null }
}

/**
 * Changes the quantity (and metadata) of a cart's line, checking the stock for the new quantity and
 * pricing it again for the cart; quantity 0 removes the line. Returns the cart.
 */
export const updateLineItemInCartWorkflowId = "update-line-item-in-cart"
export const updateLineItemInCartWorkflow = createWorkflow(
  updateLineItemInCartWorkflowId,
  (input: WorkflowData<UpdateLineItemInCartWorkflowInput>) => {
    acquireLockStep({ key: input.cart_id, timeout: CART_LOCK_TIMEOUT, ttl: CART_LOCK_TTL })
    const cart = retrieveCartStep({ id: input.cart_id, validate: true })
    // The line must be one of the cart's (validateLineItemsInCartStep's check), and the quantity whole.
    const ids = transform({ cart, input }, ({ cart, input }) => {
      assertLineItemsInCart({ cart, ids: [input.item_id] })
      return [input.item_id]
    })
    const quantity = transform({ ids, input }, ({ input }) => checkQuantity(input.update?.quantity, "quantity", 0))

    when("line-item-removed", { quantity }, ({ quantity }) => quantity === 0).then(() => {
      deleteLineItemsStep(ids)
    })

    when("line-item-changed", { quantity }, ({ quantity }) => quantity > 0).then(() => {
      const item = transform({ cart, input }, ({ cart, input }) => cart.items.find((line) => line.id === input.item_id)!)
      const variantIds = transform({ item }, ({ item }) => (item.variant_id ? [item.variant_id] : []))
      const stockNeeded = transform({ cart, item, quantity }, ({ cart, item, quantity }) =>
        item.variant_id
          ? variantQuantities(
              cart.items.filter((line) => line.id !== item.id),
              [{ variant_id: item.variant_id, quantity }],
            )
          : [],
      )
      // Priced again, and its stock confirmed for the new quantity, in the step that reads the variant.
      const variants = getVariantsWithPricesStep({
        variant_ids: variantIds,
        currency_code: cart.currency_code,
        region_id: cart.region_id,
        validate: transform({ cart, stockNeeded }, ({ cart, stockNeeded }) => ({
          prices: true,
          inventory: { sales_channel_id: cart.sales_channel_id, items: stockNeeded },
        })),
      })
      const update = transform({ input, quantity, variants }, ({ input, quantity, variants }) => {
        const price = variants[0]?.calculated_price
        return [
          {
            id: input.item_id,
            quantity,
            ...(price ? { unit_price: price.amount, is_tax_inclusive: price.is_tax_inclusive } : {}),
            ...(input.update.metadata !== undefined ? { metadata: input.update.metadata } : {}),
          },
        ]
      })
      updateLineItemsStep(update)
    })

    refreshPaymentCollectionIfAny(cart)
    emitEventStep({ name: CartEvents.UPDATED, data: { id: input.cart_id } })
    releaseLockStep({ key: input.cart_id })
    const updated = retrieveCartStep({ id: input.cart_id }).config({ name: "retrieve-updated-cart-step" })
    return new WorkflowResponse(updated)
  },
)
