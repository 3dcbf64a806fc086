import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { ORDER_MODULE } from "../../../modules/order/index.ts"
import type { OrderDetail, OrderModuleService } from "../../../modules/order/index.ts"

type PreviousStatus = { id: string; status: OrderDetail["status"]; canceled_at: Date | string | null }

export const cancelOrderStepId = "cancel-order-step"
/** Sets the order `canceled` (the order module refuses while a fulfillment is active); its compensation restores the status. */
export const cancelOrderStep = createStep(
  cancelOrderStepId,
  async ({ id }: { id: string }, { container }) => {
    const orders = container.resolve<OrderModuleService>(ORDER_MODULE)
    const before = await orders.retrieveOrder(id)
    const canceled = await orders.cancel(id)
    return new StepResponse<OrderDetail, PreviousStatus>(canceled, { id, status: before.status, canceled_at: before.canceled_at })
  },
  async (previous, { container }) => {
    if (!previous) return
    await container.resolve<OrderModuleService>(ORDER_MODULE).updateOrders({
      id: previous.id,
      status: previous.status,
      canceled_at: previous.canceled_at === null ? null : new Date(previous.canceled_at),
    })
  },
)
