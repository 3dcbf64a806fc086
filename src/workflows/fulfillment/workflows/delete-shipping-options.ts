import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { FulfillmentWorkflowEvents } from "../events.ts"
import { deleteShippingOptionsStep } from "../steps/delete-shipping-options.ts"

export type DeleteShippingOptionsWorkflowInput = { ids: string[] }

export const deleteShippingOptionsWorkflowId = "delete-shipping-options"

/** Deletes shipping options with their prices, and announces it. */
export const deleteShippingOptionsWorkflow = createWorkflow(
  deleteShippingOptionsWorkflowId,
  (input: WorkflowData<DeleteShippingOptionsWorkflowInput>) => {
    const deleted = deleteShippingOptionsStep(input.ids)
    emitEventStep(
      transform({ deleted }, ({ deleted }) => deleted.map((id) => ({ name: FulfillmentWorkflowEvents.SHIPPING_OPTION_DELETED, data: { id } }))),
    )
    return new WorkflowResponse(deleted)
  },
)
