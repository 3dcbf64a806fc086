import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { ORDER_MODULE } from "../../../modules/order/index.ts"
import type { OrderModuleService } from "../../../modules/order/index.ts"
import { findOrderFulfillment } from "../utils/find-order-fulfillment.ts"

export type ValidateShipmentStepInput = {
  order_id: string
  fulfillment_id: string
  /** Order line items shipped; a fulfillment ships whole, so these are the lines it holds. */
  items: { id: string; quantity: number }[]
}

export const validateShipmentStepId = "validate-shipment-step"
/**
 * A shipment is of an active fulfillment of an open order, that has not shipped yet, and names the
 * fulfillment's own lines (no more of each than it holds).
 */
export const validateShipmentStep = createStep({ name: validateShipmentStepId, readOnly: true }, async (input: ValidateShipmentStepInput, { container }) => {
  const { fulfillment } = await findOrderFulfillment(container.resolve<OrderModuleService>(ORDER_MODULE), input)
  if (fulfillment.canceled_at) throw invalid(`Fulfillment with id ${fulfillment.id} has been canceled.`)
  if (fulfillment.shipped_at) throw invalid(`Fulfillment with id ${fulfillment.id} has already been shipped.`)
  for (const item of input.items) {
    const held = fulfillment.items.filter((entry) => entry.line_item_id === item.id).reduce((sum, entry) => sum + entry.quantity, 0)
    if (held === 0) throw invalid(`Item ${item.id} is not part of fulfillment ${fulfillment.id}`)
    if (item.quantity > held) throw invalid(`Cannot ship ${item.quantity} of item ${item.id}: fulfillment ${fulfillment.id} holds ${held}`)
  }
  return new StepResponse(undefined)
})

function invalid(message: string): AgoraError {
  return new AgoraError(AgoraError.Types.INVALID_DATA, message)
}
