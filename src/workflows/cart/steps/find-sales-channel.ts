import type { AwilixContainer } from "awilix"
import { AgoraError } from "../../../framework/errors/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { SALES_CHANNEL_MODULE } from "../../../modules/sales-channel/index.ts"
import type { SalesChannelModuleService } from "../../../modules/sales-channel/index.ts"
import { STORE_MODULE } from "../../../modules/store/index.ts"
import type { StoreModuleService } from "../../../modules/store/index.ts"

export type FindSalesChannelStepInput = {
  sales_channel_id?: string | null
  /** The publishable key of the storefront request: its sales channels scope which one a cart may be in (API.md §4). */
  publishable_key_id?: string | null
}

export type SalesChannelForCart = { id: string; name: string }

/**
 * The sales channel of a cart: the one asked for (one of the publishable key's channels, when the
 * key has any), else the key's only channel, else the store's default channel. Disabled channels
 * are refused.
 */
export const findSalesChannelStepId = "find-sales-channel-step"
export const findSalesChannelStep = createStep({ name: findSalesChannelStepId, readOnly: true }, async (input: FindSalesChannelStepInput, { container }) => {
  return new StepResponse<SalesChannelForCart>(await findSalesChannel(container, input))
})

/** `findSalesChannelStep`'s lookup, for steps that find it among other reads. */
export async function findSalesChannel(container: AwilixContainer, input: FindSalesChannelStepInput): Promise<SalesChannelForCart> {
  let channelId = input.sales_channel_id ?? undefined
  // The key's channels are read whole: the one picked among them needs no second read.
  let keyChannels: ChannelRow[] = []
  if (input.publishable_key_id) {
    keyChannels = await channelsOfKey(container.resolve<Query>("query"), input.publishable_key_id)
    if (keyChannels.length > 0) {
      if (channelId && !keyChannels.some((channel) => channel.id === channelId)) {
        throw invalid(`Sales channel ID in payload ${channelId} is not associated with the Publishable API Key in the header.`)
      }
      if (!channelId && keyChannels.length > 1) {
        throw invalid(
          "Cannot assign sales channel to cart. The Publishable API Key in the header has multiple associated sales channels. Please provide a sales channel ID in the request body.",
        )
      }
      channelId ??= keyChannels[0]?.id
    }
  }
  if (!channelId) {
    const [store] = await container.resolve<StoreModuleService>(STORE_MODULE).listStores({}, { select: ["default_sales_channel_id"], take: 1 })
    channelId = store?.default_sales_channel_id ?? undefined
  }
  if (!channelId) throw invalid("A sales channel is required for a cart: give sales_channel_id, or set the store's default sales channel")
  const channel =
    keyChannels.find((candidate) => candidate.id === channelId) ??
    (await container.resolve<SalesChannelModuleService>(SALES_CHANNEL_MODULE).listSalesChannels({ id: channelId }, { take: 1 }))[0]
  if (!channel) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Sales channel with id: ${channelId} was not found`)
  if (channel.is_disabled) throw invalid(`Unable to assign cart to disabled Sales Channel: ${channel.name}`)
  return { id: channel.id, name: channel.name }
}

type ChannelRow = { id: string; name: string; is_disabled: boolean }

async function channelsOfKey(query: Query, keyId: string): Promise<ChannelRow[]> {
  const { data } = await query.graph<{ sales_channels: ChannelRow[] }>({
    entity: "api_key",
    fields: ["sales_channels.id", "sales_channels.name", "sales_channels.is_disabled"],
    filters: { id: keyId },
  })
  if (!data[0]) throw new AgoraError(AgoraError.Types.NOT_FOUND, `API key with id: ${keyId} was not found`)
  return data[0].sales_channels
}

function invalid(message: string): AgoraError {
  return new AgoraError(AgoraError.Types.INVALID_DATA, message)
}
