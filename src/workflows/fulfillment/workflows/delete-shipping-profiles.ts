import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { FulfillmentWorkflowEvents } from "../events.ts"
import { deleteShippingProfilesStep } from "../steps/delete-shipping-profiles.ts"

export type DeleteShippingProfilesWorkflowInput = { ids: string[] }

export const deleteShippingProfilesWorkflowId = "delete-shipping-profiles"

/** Deletes shipping profiles no shipping option uses, and announces it. */
export const deleteShippingProfilesWorkflow = createWorkflow(
  deleteShippingProfilesWorkflowId,
  (input: WorkflowData<DeleteShippingProfilesWorkflowInput>) => {
    const deleted = deleteShippingProfilesStep(input.ids)
    emitEventStep(
      transform({ deleted }, ({ deleted }) => deleted.map((id) => ({ name: FulfillmentWorkflowEvents.SHIPPING_PROFILE_DELETED, data: { id } }))),
    )
    return new WorkflowResponse(deleted)
  },
)
