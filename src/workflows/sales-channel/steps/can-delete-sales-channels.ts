import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { STORE_MODULE } from "../../../modules/store/index.ts"
import type { StoreModuleService } from "../../../modules/store/index.ts"

export const canDeleteSalesChannelsOrThrowStepId = "can-delete-sales-channels-or-throw-step"

/** Refuses (not_allowed) to delete a channel that a store sells through by default. Nothing to undo. */
export const canDeleteSalesChannelsOrThrowStep = createStep({ name: canDeleteSalesChannelsOrThrowStepId, readOnly: true }, async (ids: string[], { container }) => {
  if (ids.length === 0 || !container.hasRegistration(STORE_MODULE)) return new StepResponse(true)
  const stores = await container.resolve<StoreModuleService>(STORE_MODULE).listStores({ default_sales_channel_id: ids }, { select: ["default_sales_channel_id"] })
  const defaults = [...new Set(stores.map((store) => store.default_sales_channel_id))]
  if (defaults.length > 0) throw new AgoraError(AgoraError.Types.NOT_ALLOWED, `Cannot delete default sales channels: ${defaults.join(", ")}`)
  return new StepResponse(true)
})
