import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { API_KEY_MODULE } from "../../../modules/api-key/index.ts"
import type { ApiKeyDTO, ApiKeyModuleService, CreateApiKeyInput } from "../../../modules/api-key/index.ts"

export const createApiKeysStepId = "create-api-keys-step"

/** Creates keys with fresh tokens (a secret key's token is readable only in this result); its compensation deletes them. */
export const createApiKeysStep = createStep(
  createApiKeysStepId,
  async (keys: CreateApiKeyInput[], { container }) => {
    if (keys.length === 0) return new StepResponse<ApiKeyDTO[], string[]>([], [])
    const created = await container.resolve<ApiKeyModuleService>(API_KEY_MODULE).createApiKeys(keys)
    return new StepResponse(
      created,
      created.map((key) => key.id),
    )
  },
  async (ids, { container }) => {
    if (!ids || ids.length === 0) return
    await container.resolve<ApiKeyModuleService>(API_KEY_MODULE).deleteApiKeys(ids)
  },
)
