import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { ORDER_MODULE } from "../../../modules/order/index.ts"
import type { OrderFulfillmentDetail, OrderModuleService } from "../../../modules/order/index.ts"

export type RegisterOrderFulfillmentStepInput = {
  order_id: string
  location_id: string
  provider_id: string
  lines: { line_item_id: string; quantity: number }[]
  metadata?: Record<string, unknown> | null
}

type Registered = { order_id: string; fulfillment_id: string }

export const registerOrderFulfillmentStepId = "register-order-fulfillment-step"
/**
 * Records the fulfillment on the order: its lines' fulfilled quantities grow (the order module refuses
 * more than what is left). Its compensation cancels it, which takes the quantities back, and deletes it.
 */
export const registerOrderFulfillmentStep = createStep(
  registerOrderFulfillmentStepId,
  async (input: RegisterOrderFulfillmentStepInput, { container }) => {
    const fulfillment = await container.resolve<OrderModuleService>(ORDER_MODULE).createFulfillment(input.order_id, {
      location_id: input.location_id,
      provider_id: input.provider_id,
      items: input.lines,
      metadata: input.metadata ?? null,
    })
    return new StepResponse<OrderFulfillmentDetail, Registered>(fulfillment, { order_id: input.order_id, fulfillment_id: fulfillment.id })
  },
  async (registered, { container }) => {
    if (!registered) return
    const orders = container.resolve<OrderModuleService>(ORDER_MODULE)
    await orders.cancelFulfillment(registered.order_id, registered.fulfillment_id)
    await orders.deleteOrderFulfillments(registered.fulfillment_id)
  },
)
