import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { SalesChannelEvents } from "../events.ts"
import { updateSalesChannelsStep } from "../steps/update-sales-channels.ts"
import type { UpdateSalesChannelInput } from "../steps/update-sales-channels.ts"

export type UpdateSalesChannelsWorkflowInput = { salesChannels: UpdateSalesChannelInput[] }

export const updateSalesChannelsWorkflowId = "update-sales-channels"

/** Updates sales channels and announces them. */
export const updateSalesChannelsWorkflow = createWorkflow(
  updateSalesChannelsWorkflowId,
  (input: WorkflowData<UpdateSalesChannelsWorkflowInput>) => {
    const channels = updateSalesChannelsStep(input.salesChannels)
    emitEventStep(
      transform({ channels }, ({ channels }) => channels.map((channel) => ({ name: SalesChannelEvents.UPDATED, data: { id: channel.id } }))),
    )
    return new WorkflowResponse(channels)
  },
)
