import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { SalesChannelEvents } from "../events.ts"
import { createSalesChannelsStep } from "../steps/create-sales-channels.ts"
import type { CreateSalesChannelInput } from "../steps/create-sales-channels.ts"

export type CreateSalesChannelsWorkflowInput = { salesChannelsData: CreateSalesChannelInput[] }

export const createSalesChannelsWorkflowId = "create-sales-channels"

/** Creates sales channels and announces them. */
export const createSalesChannelsWorkflow = createWorkflow(
  createSalesChannelsWorkflowId,
  (input: WorkflowData<CreateSalesChannelsWorkflowInput>) => {
    const channels = createSalesChannelsStep(input.salesChannelsData)
    emitEventStep(
      transform({ channels }, ({ channels }) => channels.map((channel) => ({ name: SalesChannelEvents.CREATED, data: { id: channel.id } }))),
    )
    return new WorkflowResponse(channels)
  },
)
