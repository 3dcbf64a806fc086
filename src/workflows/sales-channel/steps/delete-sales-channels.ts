import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { SALES_CHANNEL_MODULE } from "../../../modules/sales-channel/index.ts"
import type { SalesChannelModuleService } from "../../../modules/sales-channel/index.ts"

export const deleteSalesChannelsStepId = "delete-sales-channels-step"

/**
 * Soft-deletes sales channels (their links to products, keys and locations go with them); not_found
 * naming any id that is not a live channel. Its compensation restores them with their links.
 */
export const deleteSalesChannelsStep = createStep(
  deleteSalesChannelsStepId,
  async (ids: string[], { container }) => {
    const service = container.resolve<SalesChannelModuleService>(SALES_CHANNEL_MODULE)
    const found = ids.length === 0 ? [] : await service.listSalesChannels({ id: ids }, { select: ["id"] })
    const missing = ids.filter((id) => !found.some((channel) => channel.id === id))
    if (missing.length > 0) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Sales channel with id: ${missing.join(", ")} was not found`)
    await service.softDeleteSalesChannels(ids)
    return new StepResponse(ids)
  },
  async (ids, { container }) => {
    if (!ids || ids.length === 0) return
    await container.resolve<SalesChannelModuleService>(SALES_CHANNEL_MODULE).restoreSalesChannels(ids)
  },
)
