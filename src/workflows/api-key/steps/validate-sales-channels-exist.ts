import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { SALES_CHANNEL_MODULE } from "../../../modules/sales-channel/index.ts"
import type { SalesChannelModuleService } from "../../../modules/sales-channel/index.ts"

export const validateSalesChannelsExistStepId = "validate-sales-channels-exist-step"

/** Fails with invalid_data naming the sales channels that do not exist. Nothing to undo. */
export const validateSalesChannelsExistStep = createStep({ name: validateSalesChannelsExistStepId, readOnly: true }, async (ids: string[], { container }) => {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new StepResponse<string[]>([])
  const found = await container.resolve<SalesChannelModuleService>(SALES_CHANNEL_MODULE).listSalesChannels({ id: unique }, { select: ["id"] })
  const missing = unique.filter((id) => !found.some((channel) => channel.id === id))
  if (missing.length > 0) throw new AgoraError(AgoraError.Types.INVALID_DATA, `Sales channels with IDs ${missing.join(", ")} do not exist`)
  return new StepResponse(unique)
})
