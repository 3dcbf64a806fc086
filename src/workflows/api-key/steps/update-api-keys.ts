import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { API_KEY_MODULE } from "../../../modules/api-key/index.ts"
import type { ApiKeyDTO, ApiKeyModuleService } from "../../../modules/api-key/index.ts"

/** What may change on a key: its title (its token and type never change). */
export type UpdateApiKeyInput = { id: string; title?: string; metadata?: Record<string, unknown> | null }

export const updateApiKeysStepId = "update-api-keys-step"

/** Changes keys' titles (not_found naming an unknown key); its compensation puts back the values it replaced. */
export const updateApiKeysStep = createStep(
  updateApiKeysStepId,
  async (updates: UpdateApiKeyInput[], { container }) => {
    if (updates.length === 0) return new StepResponse<ApiKeyDTO[], UpdateApiKeyInput[]>([], [])
    const service = container.resolve<ApiKeyModuleService>(API_KEY_MODULE)
    const current = await service.listApiKeys({ id: updates.map((update) => update.id) })
    const previous = updates.map(({ id, ...changes }) => {
      const key = current.find((row) => row.id === id)
      if (!key) throw new AgoraError(AgoraError.Types.NOT_FOUND, `API key with id: ${id} was not found`)
      const fields = Object.keys(changes) as (keyof typeof changes)[]
      return { id, ...Object.fromEntries(fields.map((field) => [field, key[field]])) } as UpdateApiKeyInput
    })
    const updated = await service.updateApiKeys(updates)
    return new StepResponse(updated, previous)
  },
  async (previous, { container }) => {
    if (!previous || previous.length === 0) return
    await container.resolve<ApiKeyModuleService>(API_KEY_MODULE).updateApiKeys(previous)
  },
)
