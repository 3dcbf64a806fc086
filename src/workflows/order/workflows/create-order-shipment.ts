import { createHook, createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { FulfillmentEvents } from "../events.ts"
import { registerOrderShipmentStep } from "../steps/register-order-shipment.ts"
import { updateFulfillmentProgressStep } from "../steps/update-fulfillment-progress.ts"
import type { FulfillmentLabelInput } from "../steps/update-fulfillment-progress.ts"
import { validateShipmentStep } from "../steps/validate-shipment-items.ts"

export type CreateOrderShipmentWorkflowInput = {
  order_id: string
  fulfillment_id: string
  items: { id: string; quantity: number }[]
  labels?: FulfillmentLabelInput[]
  created_by?: string
  no_notification?: boolean
}

export const createOrderShipmentWorkflowId = "create-order-shipment"
/**
 * Ships a fulfillment of an order: the order's lines count it as shipped, the fulfillment is marked
 * shipped with its tracking labels. Announces `shipment.created`.
 */
export const createOrderShipmentWorkflow = createWorkflow(
  createOrderShipmentWorkflowId,
  (input: WorkflowData<CreateOrderShipmentWorkflowInput>) => {
    validateShipmentStep({ order_id: input.order_id, fulfillment_id: input.fulfillment_id, items: input.items })
    const fulfillment = registerOrderShipmentStep({ order_id: input.order_id, fulfillment_id: input.fulfillment_id })
    updateFulfillmentProgressStep(
      transform({ input, fulfillment }, ({ input, fulfillment }) => ({
        id: input.fulfillment_id,
        shipped_at: new Date(fulfillment.shipped_at ?? Date.now()),
        marked_shipped_by: input.created_by ?? null,
        labels: input.labels ?? [],
      })),
    )
    const shipmentCreated = createHook("shipmentCreated", { fulfillment })
    emitEventStep({
      name: FulfillmentEvents.SHIPMENT_CREATED,
      data: transform({ input }, ({ input }) => ({ id: input.fulfillment_id, no_notification: input.no_notification ?? false })),
    })
    return new WorkflowResponse(fulfillment, { hooks: [shipmentCreated] })
  },
)
