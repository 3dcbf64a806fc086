import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { FULFILLMENT_MODULE } from "../../../modules/fulfillment/index.ts"
import type { FulfillmentModuleService } from "../../../modules/fulfillment/index.ts"

export const validateFulfillmentProvidersExistStepId = "validate-fulfillment-providers-exist-step"

/**
 * The providers must be configured and enabled: not_found naming the others. Asking the module also
 * records its configured providers on a fresh installation, so that they can be linked. Nothing to undo.
 */
export const validateFulfillmentProvidersExistStep = createStep(
  { name: validateFulfillmentProvidersExistStepId, readOnly: true },
  async (ids: string[], { container }) => {
    const unique = [...new Set(ids)]
    if (unique.length === 0) return new StepResponse<string[]>([])
    const found = await container
      .resolve<FulfillmentModuleService>(FULFILLMENT_MODULE)
      .listFulfillmentProviders({ id: unique, is_enabled: true }, { select: ["id"] })
    const missing = unique.filter((id) => !found.some((provider) => provider.id === id))
    if (missing.length > 0) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Fulfillment providers with ids ${missing.join(", ")} not found or not enabled`)
    return new StepResponse(unique)
  },
)
