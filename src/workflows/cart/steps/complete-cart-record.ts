import { AgoraError } from "../../../framework/errors/index.ts"
import type { LinkService } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { CART_MODULE } from "../../../modules/cart/index.ts"
import type { CartModuleService } from "../../../modules/cart/index.ts"

export type CompleteCartRecordStepInput = { id: string; order_id: string }

export const completeCartRecordStepId = "complete-cart-record-step"
/** Marks the cart completed (`completed_at`); its compensation opens it again. */
export const completeCartRecordStep = createStep(
  completeCartRecordStepId,
  async (input: CompleteCartRecordStepInput, { container }) => {
    const carts = container.resolve<CartModuleService>(CART_MODULE)
    const cart = await carts.retrieveCart(input.id)
    if (cart.completed_at) {
      // Completed by this step before a crash if the cart is linked to this run's order; else by someone else.
      const [ours] = await container.resolve<LinkService>("link").list({ order: { order_id: input.order_id }, cart: { cart_id: input.id } })
      if (!ours) throw new AgoraError(AgoraError.Types.NOT_ALLOWED, `Cart ${input.id} is already completed`)
      return new StepResponse(cart.completed_at, input.id)
    }
    const completedAt = new Date()
    await carts.updateCarts({ id: input.id, completed_at: completedAt })
    return new StepResponse(completedAt, input.id)
  },
  async (cartId, { container }) => {
    if (!cartId) return
    await container.resolve<CartModuleService>(CART_MODULE).updateCarts({ id: cartId, completed_at: null })
  },
)
