import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { FULFILLMENT_MODULE } from "../../../modules/fulfillment/index.ts"
import type { FulfillmentModuleService } from "../../../modules/fulfillment/index.ts"

export const deleteShippingProfilesStepId = "delete-shipping-profiles-step"

/**
 * Soft-deletes shipping profiles: not_found naming an unknown one, not_allowed for one that shipping
 * options still use. Its compensation restores them.
 */
export const deleteShippingProfilesStep = createStep(
  deleteShippingProfilesStepId,
  async (ids: string[], { container }) => {
    const service = container.resolve<FulfillmentModuleService>(FULFILLMENT_MODULE)
    const found = ids.length === 0 ? [] : await service.listShippingProfiles({ id: ids }, { select: ["id"] })
    const missing = ids.filter((id) => !found.some((profile) => profile.id === id))
    if (missing.length > 0) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Shipping profile with id: ${missing.join(", ")} was not found`)
    await service.softDeleteShippingProfiles(ids)
    return new StepResponse(ids)
  },
  async (ids, { container }) => {
    if (!ids || ids.length === 0) return
    await container.resolve<FulfillmentModuleService>(FULFILLMENT_MODULE).restoreShippingProfiles(ids)
  },
)
