import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { FulfillmentWorkflowEvents } from "../events.ts"
import { deleteFulfillmentSetsStep } from "../steps/delete-fulfillment-sets.ts"

export type DeleteFulfillmentSetsWorkflowInput = { ids: string[] }

export const deleteFulfillmentSetsWorkflowId = "delete-fulfillment-sets"

/** Deletes fulfillment sets with their service zones and shipping options, and announces it. */
export const deleteFulfillmentSetsWorkflow = createWorkflow(
  deleteFulfillmentSetsWorkflowId,
  (input: WorkflowData<DeleteFulfillmentSetsWorkflowInput>) => {
    const deleted = deleteFulfillmentSetsStep({ ids: input.ids })
    emitEventStep(
      transform({ deleted }, ({ deleted }) => deleted.map((id) => ({ name: FulfillmentWorkflowEvents.FULFILLMENT_SET_DELETED, data: { id } }))),
    )
    return new WorkflowResponse(deleted)
  },
)
