import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { SalesChannelEvents } from "../events.ts"
import { canDeleteSalesChannelsOrThrowStep } from "../steps/can-delete-sales-channels.ts"
import { deleteSalesChannelsStep } from "../steps/delete-sales-channels.ts"

export type DeleteSalesChannelsWorkflowInput = { ids: string[] }

export const deleteSalesChannelsWorkflowId = "delete-sales-channels"

/** Soft-deletes sales channels that no store uses as its default, with their links, and announces it. */
export const deleteSalesChannelsWorkflow = createWorkflow(
  deleteSalesChannelsWorkflowId,
  (input: WorkflowData<DeleteSalesChannelsWorkflowInput>) => {
    canDeleteSalesChannelsOrThrowStep(input.ids)
    const deleted = deleteSalesChannelsStep(input.ids)
    emitEventStep(transform({ deleted }, ({ deleted }) => deleted.map((id) => ({ name: SalesChannelEvents.DELETED, data: { id } }))))
    return new WorkflowResponse(deleted)
  },
)
