import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { ORDER_MODULE } from "../../../modules/order/index.ts"
import type { OrderFulfillmentDetail, OrderModuleService } from "../../../modules/order/index.ts"
import { moveLineQuantities } from "../utils/line-quantities.ts"

export type RegisterOrderDeliveryStepInput = { order_id: string; fulfillment_id: string }

export const registerOrderDeliveryStepId = "register-order-delivery-step"
/** Records on the order that a fulfillment was delivered (its lines' delivered quantities grow); the compensation takes it back. */
export const registerOrderDeliveryStep = createStep(
  registerOrderDeliveryStepId,
  async (input: RegisterOrderDeliveryStepInput, { container }) => {
    const fulfillment = await container.resolve<OrderModuleService>(ORDER_MODULE).markDelivered(input.order_id, input.fulfillment_id)
    return new StepResponse<OrderFulfillmentDetail, string>(fulfillment, fulfillment.id)
  },
  async (fulfillmentId, { container }) => {
    if (!fulfillmentId) return
    const orders = container.resolve<OrderModuleService>(ORDER_MODULE)
    await orders.updateOrderFulfillments({ id: fulfillmentId, delivered_at: null })
    await moveLineQuantities(orders, fulfillmentId, "delivered_quantity", -1)
  },
)
