import { createHook, createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { OrderEvents } from "../events.ts"
import { cancelFulfillmentStep } from "../steps/cancel-fulfillment.ts"
import { prepareCancelOrderFulfillmentStep } from "../steps/prepare-cancel-order-fulfillment.ts"
import { registerOrderFulfillmentCancelStep } from "../steps/register-order-fulfillment-cancel.ts"
import { restockFulfillmentItemsStep } from "../steps/restock-fulfillment-items.ts"

export type CancelOrderFulfillmentWorkflowInput = { order_id: string; fulfillment_id: string; no_notification?: boolean }

export const cancelOrderFulfillmentWorkflowId = "cancel-order-fulfillment"
/**
 * Cancels a fulfillment of an order that has not shipped: the order's lines can be fulfilled again,
 * the units it gave out are back in stock and held for the order again, and its provider cancels it
 * (last, as that cannot be taken back). Announces `order.fulfillment_canceled`.
 */
export const cancelOrderFulfillmentWorkflow = createWorkflow(
  cancelOrderFulfillmentWorkflowId,
  (input: WorkflowData<CancelOrderFulfillmentWorkflowInput>) => {
    const plan = prepareCancelOrderFulfillmentStep({ order_id: input.order_id, fulfillment_id: input.fulfillment_id })
    const fulfillment = registerOrderFulfillmentCancelStep({ order_id: plan.order_id, fulfillment_id: plan.fulfillment_id })
    restockFulfillmentItemsStep(plan.restock)
    const fulfillmentCanceled = createHook("fulfillmentCanceled", { fulfillment })
    cancelFulfillmentStep({ id: plan.fulfillment_id })
    emitEventStep({
      name: OrderEvents.FULFILLMENT_CANCELED,
      data: transform({ input }, ({ input }) => ({
        order_id: input.order_id,
        fulfillment_id: input.fulfillment_id,
        no_notification: input.no_notification ?? false,
      })),
    })
    return new WorkflowResponse(fulfillment, { hooks: [fulfillmentCanceled] })
  },
)
