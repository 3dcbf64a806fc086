import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { SALES_CHANNEL_MODULE } from "../../../modules/sales-channel/index.ts"
import type { SalesChannelDTO, SalesChannelModuleService } from "../../../modules/sales-channel/index.ts"
import { STORE_MODULE } from "../../../modules/store/index.ts"
import type { StoreModuleService } from "../../../modules/store/index.ts"

export type CreateDefaultSalesChannelStepInput = { name: string; description?: string | null }

export type DefaultSalesChannel = { channel: SalesChannelDTO; created: boolean }

export const createDefaultSalesChannelStepId = "create-default-sales-channel-step"

/**
 * The channel the store sells through by default: the store's own when it has one, else the first
 * channel there is (as Medusa does), else a new one. Its compensation deletes a channel it created.
 */
export const createDefaultSalesChannelStep = createStep(
  createDefaultSalesChannelStepId,
  async (input: CreateDefaultSalesChannelStepInput, { container }) => {
    const channels = container.resolve<SalesChannelModuleService>(SALES_CHANNEL_MODULE)
    const [store] = await container.resolve<StoreModuleService>(STORE_MODULE).listStores({}, { take: 1, order: { created_at: "ASC" } })
    const storeDefault = store?.default_sales_channel_id
    const [existing] = storeDefault
      ? await channels.listSalesChannels({ id: storeDefault }, { take: 1 })
      : await channels.listSalesChannels({}, { take: 1, order: { created_at: "ASC" } })
    if (existing) return new StepResponse<DefaultSalesChannel, string | undefined>({ channel: existing, created: false }, undefined)
    const channel = await channels.createSalesChannels(input)
    return new StepResponse<DefaultSalesChannel, string | undefined>({ channel, created: true }, channel.id)
  },
  async (createdId, { container }) => {
    if (!createdId) return // it found one: nothing was created
    await container.resolve<SalesChannelModuleService>(SALES_CHANNEL_MODULE).deleteSalesChannels(createdId)
  },
)
