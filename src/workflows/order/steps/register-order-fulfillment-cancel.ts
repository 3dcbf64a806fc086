import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { ORDER_MODULE } from "../../../modules/order/index.ts"
import type { OrderFulfillmentDetail, OrderModuleService } from "../../../modules/order/index.ts"
import { moveLineQuantities } from "../utils/line-quantities.ts"

export type RegisterOrderFulfillmentCancelStepInput = { order_id: string; fulfillment_id: string }

export const registerOrderFulfillmentCancelStepId = "register-order-fulfillment-cancel-step"
/**
 * Records on the order that a fulfillment is canceled: its lines can be fulfilled again. Its
 * compensation makes it active again, with the lines' fulfilled quantities back.
 */
export const registerOrderFulfillmentCancelStep = createStep(
  registerOrderFulfillmentCancelStepId,
  async (input: RegisterOrderFulfillmentCancelStepInput, { container }) => {
    const fulfillment = await container.resolve<OrderModuleService>(ORDER_MODULE).cancelFulfillment(input.order_id, input.fulfillment_id)
    return new StepResponse<OrderFulfillmentDetail, string>(fulfillment, fulfillment.id)
  },
  async (fulfillmentId, { container }) => {
    if (!fulfillmentId) return
    const orders = container.resolve<OrderModuleService>(ORDER_MODULE)
    await orders.updateOrderFulfillments({ id: fulfillmentId, canceled_at: null })
    await moveLineQuantities(orders, fulfillmentId, "fulfilled_quantity", 1)
  },
)
