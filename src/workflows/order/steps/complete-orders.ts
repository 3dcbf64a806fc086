import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { ORDER_MODULE } from "../../../modules/order/index.ts"
import type { OrderDetail, OrderModuleService } from "../../../modules/order/index.ts"

type PreviousStatus = { id: string; status: OrderDetail["status"] }

export const completeOrdersStepId = "complete-orders-step"
/**
 * Marks orders `completed` (the order module refuses a canceled one). All of them or none: when one is
 * refused, those completed before it get their status back. The compensation restores every status.
 */
export const completeOrdersStep = createStep(
  completeOrdersStepId,
  async ({ orderIds }: { orderIds: string[] }, { container }) => {
    const orders = container.resolve<OrderModuleService>(ORDER_MODULE)
    const previous: PreviousStatus[] = []
    const completed: OrderDetail[] = []
    try {
      for (const id of orderIds) {
        const before = await orders.retrieveOrder(id)
        completed.push(await orders.completeOrder(id))
        previous.push({ id, status: before.status })
      }
    } catch (error) {
      await restore(orders, previous)
      throw error
    }
    return new StepResponse(completed, previous)
  },
  async (previous, { container }) => {
    if (!previous || previous.length === 0) return
    await restore(container.resolve<OrderModuleService>(ORDER_MODULE), previous)
  },
)

async function restore(orders: OrderModuleService, previous: PreviousStatus[]): Promise<void> {
  if (previous.length > 0) await orders.updateOrders(previous.map(({ id, status }) => ({ id, status })))
}
