import { createHook, createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { OrderEvents } from "../events.ts"
import { completeOrdersStep } from "../steps/complete-orders.ts"

export type CompleteOrdersWorkflowInput = { orderIds: string[] }

export const completeOrderWorkflowId = "complete-orders"
/** Marks orders completed (a canceled order is refused, and then none is) and announces `order.completed` for each. */
export const completeOrderWorkflow = createWorkflow(completeOrderWorkflowId, (input: WorkflowData<CompleteOrdersWorkflowInput>) => {
  const orders = completeOrdersStep({ orderIds: input.orderIds })
  const ordersCompleted = createHook("ordersCompleted", { orders })
  emitEventStep(transform({ orders }, ({ orders }) => orders.map((order) => ({ name: OrderEvents.COMPLETED, data: { id: order.id } }))))
  return new WorkflowResponse(orders, { hooks: [ordersCompleted] })
})
