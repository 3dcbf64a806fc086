import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { API_KEY_MODULE } from "../../../modules/api-key/index.ts"
import type { ApiKeyModuleService } from "../../../modules/api-key/index.ts"

export const deleteApiKeysStepId = "delete-api-keys-step"

/**
 * Deletes revoked keys with their sales channel links: not_found naming an unknown key, not_allowed
 * naming keys still active (as Medusa: revoke first). Soft-deleted, so its compensation restores them.
 */
export const deleteApiKeysStep = createStep(
  deleteApiKeysStepId,
  async (ids: string[], { container }) => {
    const service = container.resolve<ApiKeyModuleService>(API_KEY_MODULE)
    const keys = ids.length === 0 ? [] : await service.listApiKeys({ id: ids }, { select: ["id", "revoked_at"] })
    const missing = ids.filter((id) => !keys.some((key) => key.id === id))
    if (missing.length > 0) throw new AgoraError(AgoraError.Types.NOT_FOUND, `API key with id: ${missing.join(", ")} was not found`)
    const now = Date.now()
    const active = keys.filter((key) => key.revoked_at === null || key.revoked_at.getTime() > now).map((key) => key.id)
    if (active.length > 0) throw new AgoraError(AgoraError.Types.NOT_ALLOWED, `Cannot delete api keys that are not revoked - ${active.join(", ")}`)
    await service.softDeleteApiKeys(ids)
    return new StepResponse(ids)
  },
  async (ids, { container }) => {
    if (!ids || ids.length === 0) return
    await container.resolve<ApiKeyModuleService>(API_KEY_MODULE).restoreApiKeys(ids)
  },
)
