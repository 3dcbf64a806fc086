import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import type { CartDetail } from "../../../modules/cart/index.ts"
import { allInOrder } from "../utils/settle.ts"
import type { CompletionPaymentCollection } from "./complete-cart-load.ts"
import { confirmInventory } from "./confirm-inventory.ts"
import type { InventoryPlan } from "./confirm-inventory.ts"
import { validateCartPayments } from "./validate-cart-payments.ts"
import { validateShipping } from "./validate-shipping.ts"

export type ValidateCartCompletionStepInput = { cart: CartDetail; payment_collection: CompletionPaymentCollection | null }

export type CartCompletionPlan = {
  /** The payment session to authorize; null when there is nothing to pay. */
  session: { id: string } | null
  /** Where the lines' stock comes from. */
  inventory: InventoryPlan
}

export const validateCartCompletionStepId = "validate-cart-completion-step"
/**
 * Checks, writing nothing, that a cart can become an order, as three steps would one after the
 * other: its shipping (`validateShippingStep`), its payment (`validateCartPaymentsStep`: the
 * session to authorize) and its stock (`confirmInventoryStep`: where it comes from).
 */
export const validateCartCompletionStep = createStep(
  { name: validateCartCompletionStepId, readOnly: true },
  async ({ cart, payment_collection }: ValidateCartCompletionStepInput, { container }) => {
    // Read at once; a failure is reported as the checks one after the other would: shipping, payment, stock.
    const [, session, inventory] = await allInOrder([
      validateShipping(container, { cart }),
      (async () => validateCartPayments({ cart, payment_collection }))(),
      confirmInventory(container, { sales_channel_id: cart.sales_channel_id, items: cart.items }),
    ])
    return new StepResponse<CartCompletionPlan>({ session, inventory })
  },
)
