import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { SALES_CHANNEL_MODULE } from "../../../modules/sales-channel/index.ts"
import type { SalesChannelDTO, SalesChannelModuleService } from "../../../modules/sales-channel/index.ts"
import type { CreateSalesChannelInput } from "./create-sales-channels.ts"

export type UpdateSalesChannelInput = { id: string } & Partial<CreateSalesChannelInput>

export const updateSalesChannelsStepId = "update-sales-channels-step"

/** Changes sales channels (not_found naming an unknown one); its compensation puts back the values it replaced. */
export const updateSalesChannelsStep = createStep(
  updateSalesChannelsStepId,
  async (updates: UpdateSalesChannelInput[], { container }) => {
    if (updates.length === 0) return new StepResponse<SalesChannelDTO[], UpdateSalesChannelInput[]>([], [])
    const service = container.resolve<SalesChannelModuleService>(SALES_CHANNEL_MODULE)
    const current = await service.listSalesChannels({ id: updates.map((update) => update.id) })
    const previous = updates.map(({ id, ...changes }) => {
      const channel = current.find((row) => row.id === id)
      if (!channel) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Sales channel with id: ${id} was not found`)
      const keys = Object.keys(changes) as (keyof CreateSalesChannelInput)[]
      return { id, ...Object.fromEntries(keys.map((key) => [key, channel[key]])) } as UpdateSalesChannelInput
    })
    const updated = await service.updateSalesChannels(updates)
    return new StepResponse(updated, previous)
  },
  async (previous, { container }) => {
    if (!previous || previous.length === 0) return
    await container.resolve<SalesChannelModuleService>(SALES_CHANNEL_MODULE).updateSalesChannels(previous)
  },
)
