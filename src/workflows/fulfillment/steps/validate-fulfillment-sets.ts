import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { FULFILLMENT_MODULE } from "../../../modules/fulfillment/index.ts"
import type { FulfillmentModuleService } from "../../../modules/fulfillment/index.ts"

export const validateFulfillmentSetsStepId = "validate-fulfillment-sets-step"

/** The fulfillment sets must exist: not_found naming the others. Nothing to undo. */
export const validateFulfillmentSetsStep = createStep({ name: validateFulfillmentSetsStepId, readOnly: true }, async (ids: string[], { container }) => {
  const unique = [...new Set(ids)]
  const found =
    unique.length === 0 ? [] : await container.resolve<FulfillmentModuleService>(FULFILLMENT_MODULE).listFulfillmentSets({ id: unique }, { select: ["id"] })
  const missing = unique.filter((id) => !found.some((set) => set.id === id))
  if (missing.length > 0) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Fulfillment set with id: ${missing.join(", ")} was not found`)
  return new StepResponse(unique)
})
