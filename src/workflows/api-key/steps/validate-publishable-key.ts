import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { API_KEY_MODULE } from "../../../modules/api-key/index.ts"
import type { ApiKeyModuleService } from "../../../modules/api-key/index.ts"

export const validatePublishableKeyStepId = "validate-publishable-key-step"

/** The key must exist (not_found) and be publishable: only those scope the store to sales channels (invalid_data). */
export const validatePublishableKeyStep = createStep({ name: validatePublishableKeyStepId, readOnly: true }, async (id: string, { container }) => {
  const [key] = await container.resolve<ApiKeyModuleService>(API_KEY_MODULE).listApiKeys({ id }, { select: ["id", "type"] })
  if (!key) throw new AgoraError(AgoraError.Types.NOT_FOUND, `API key with id: ${id} was not found`)
  if (key.type !== "publishable") {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, "Sales channels can only be associated with publishable API keys")
  }
  return new StepResponse(key.id)
})
