import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { FULFILLMENT_MODULE } from "../../../modules/fulfillment/index.ts"
import type { FulfillmentModuleService } from "../../../modules/fulfillment/index.ts"

export const deleteShippingOptionsStepId = "delete-shipping-options-step"

/**
 * Soft-deletes shipping options (their price sets and links go with them); not_found naming any id
 * that is not a live option. Its compensation restores them, prices included.
 */
export const deleteShippingOptionsStep = createStep(
  deleteShippingOptionsStepId,
  async (ids: string[], { container }) => {
    const service = container.resolve<FulfillmentModuleService>(FULFILLMENT_MODULE)
    const found = ids.length === 0 ? [] : await service.listShippingOptions({ id: ids }, { select: ["id"] })
    const missing = ids.filter((id) => !found.some((option) => option.id === id))
    if (missing.length > 0) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Shipping option with id: ${missing.join(", ")} was not found`)
    await service.softDeleteShippingOptions(ids)
    return new StepResponse(ids)
  },
  async (ids, { container }) => {
    if (!ids || ids.length === 0) return
    await container.resolve<FulfillmentModuleService>(FULFILLMENT_MODULE).restoreShippingOptions(ids)
  },
)
