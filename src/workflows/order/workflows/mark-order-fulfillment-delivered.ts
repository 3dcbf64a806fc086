import { createHook, createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { FulfillmentEvents } from "../events.ts"
import { registerOrderDeliveryStep } from "../steps/register-order-delivery.ts"
import { updateFulfillmentProgressStep } from "../steps/update-fulfillment-progress.ts"

export type MarkOrderFulfillmentAsDeliveredWorkflowInput = { order_id: string; fulfillment_id: string }

export const markOrderFulfillmentAsDeliveredWorkflowId = "mark-order-fulfillment-as-delivered"
/**
 * Marks a fulfillment of an order delivered: the order's lines count it as delivered, and the
 * fulfillment records when. Announces `delivery.created`.
 */
export const markOrderFulfillmentAsDeliveredWorkflow = createWorkflow(
  markOrderFulfillmentAsDeliveredWorkflowId,
  (input: WorkflowData<MarkOrderFulfillmentAsDeliveredWorkflowInput>) => {
    const fulfillment = registerOrderDeliveryStep({ order_id: input.order_id, fulfillment_id: input.fulfillment_id })
    updateFulfillmentProgressStep(
      transform({ input, fulfillment }, ({ input, fulfillment }) => ({
        id: input.fulfillment_id,
        delivered_at: new Date(fulfillment.delivered_at ?? Date.now()),
      })),
    )
    const deliveryCreated = createHook("deliveryCreated", { fulfillment })
    emitEventStep({ name: FulfillmentEvents.DELIVERY_CREATED, data: { id: input.fulfillment_id } })
    return new WorkflowResponse(fulfillment, { hooks: [deliveryCreated] })
  },
)
