import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { ORDER_MODULE } from "../../../modules/order/index.ts"
import type { OrderFulfillmentDetail, OrderModuleService } from "../../../modules/order/index.ts"
import { moveLineQuantities } from "../utils/line-quantities.ts"

export type RegisterOrderShipmentStepInput = { order_id: string; fulfillment_id: string }

export const registerOrderShipmentStepId = "register-order-shipment-step"
/** Records on the order that a fulfillment shipped (its lines' shipped quantities grow); the compensation takes it back. */
export const registerOrderShipmentStep = createStep(
  registerOrderShipmentStepId,
  async (input: RegisterOrderShipmentStepInput, { container }) => {
    const fulfillment = await container.resolve<OrderModuleService>(ORDER_MODULE).markShipped(input.order_id, input.fulfillment_id)
    return new StepResponse<OrderFulfillmentDetail, string>(fulfillment, fulfillment.id)
  },
  async (fulfillmentId, { container }) => {
    if (!fulfillmentId) return
    const orders = container.resolve<OrderModuleService>(ORDER_MODULE)
    await orders.updateOrderFulfillments({ id: fulfillmentId, shipped_at: null })
    await moveLineQuantities(orders, fulfillmentId, "shipped_quantity", -1)
  },
)
