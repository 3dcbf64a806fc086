import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { SALES_CHANNEL_MODULE } from "../../../modules/sales-channel/index.ts"
import type { SalesChannelDTO, SalesChannelModuleService } from "../../../modules/sales-channel/index.ts"

export type CreateSalesChannelInput = {
  name: string
  description?: string | null
  is_disabled?: boolean
  metadata?: Record<string, unknown> | null
}

export const createSalesChannelsStepId = "create-sales-channels-step"

/** Creates sales channels; its compensation deletes them. */
export const createSalesChannelsStep = createStep(
  createSalesChannelsStepId,
  async (channels: CreateSalesChannelInput[], { container }) => {
    if (channels.length === 0) return new StepResponse<SalesChannelDTO[], string[]>([], [])
    const created = await container.resolve<SalesChannelModuleService>(SALES_CHANNEL_MODULE).createSalesChannels(channels)
    return new StepResponse(
      created,
      created.map((channel) => channel.id),
    )
  },
  async (ids, { container }) => {
    if (!ids || ids.length === 0) return
    await container.resolve<SalesChannelModuleService>(SALES_CHANNEL_MODULE).deleteSalesChannels(ids)
  },
)
