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
    const completedAt = new Date()
    if (await carts.markCompleted(input.id, completedAt)) return new StepResponse(completedAt, input.id)
    // Completed by this step before a crash if the cart is linked to this run's order; else by someone else.
    const [[ours], cart] = await Promise.all([
      container.resolve<LinkService>("link").list({ order: { order_id: input.order_id }, cart: { cart_id: input.id } }),
      carts.retrieveCart(input.id, { select: ["completed_at"] }),
    ])
    if (!ours) throw new AgoraError(AgoraError.Types.NOT_ALLOWED, `Cart ${input.id} is already completed`)
    return new StepResponse(cart.completed_at as Date, input.id)
  },
  async (cartId, { container }) => {
    if (!cartId) return
    await container.resolve<CartModuleService>(CART_MODULE).updateCarts({ id: cartId, completed_at: null })
  },
)
