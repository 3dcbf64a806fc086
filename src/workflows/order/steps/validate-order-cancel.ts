import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"

export type CancelableOrder = {
  id: string
  status: string
  fulfillments: { id: string; canceled_at: string | Date | null }[]
}

export type ValidateOrderCancelStepInput = { order_id: string; order: CancelableOrder | undefined }

export const validateOrderCancelStepId = "validate-order-cancel-step"
/** An order can be canceled once, and only when none of its fulfillments is still active. */
export const validateOrderCancelStep = createStep({ name: validateOrderCancelStepId, readOnly: true }, async ({ order_id, order }: ValidateOrderCancelStepInput) => {
  if (!order) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Order with id: ${order_id} was not found`)
  if (order.status === "canceled") throw new AgoraError(AgoraError.Types.NOT_ALLOWED, `Order with id ${order.id} has been canceled.`)
  if (order.fulfillments.some((fulfillment) => !fulfillment.canceled_at)) {
    throw new AgoraError(AgoraError.Types.NOT_ALLOWED, "All fulfillments must be canceled before canceling an order")
  }
  return new StepResponse(undefined)
})
