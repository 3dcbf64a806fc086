import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { API_KEY_MODULE } from "../../../modules/api-key/index.ts"
import type { ApiKeyDTO, ApiKeyModuleService } from "../../../modules/api-key/index.ts"

export type RevokeApiKeysStepInput = {
  ids: string[]
  /** The user who revokes them. */
  revoked_by: string
  /** Seconds until the revocation takes effect; immediately when omitted. */
  revoke_in?: number | undefined
}

type Previous = { id: string; revoked_at: Date | null; revoked_by: string | null }[]

export const revokeApiKeysStepId = "revoke-api-keys-step"

/** Revokes keys (not_found for an unknown key, invalid_data for one already revoked); its compensation un-revokes them. */
export const revokeApiKeysStep = createStep(
  revokeApiKeysStepId,
  async (input: RevokeApiKeysStepInput, { container }) => {
    if (input.ids.length === 0) return new StepResponse<ApiKeyDTO[], Previous>([], [])
    const service = container.resolve<ApiKeyModuleService>(API_KEY_MODULE)
    const current = await service.listApiKeys({ id: input.ids }, { select: ["id", "revoked_at", "revoked_by"] })
    const missing = input.ids.filter((id) => !current.some((key) => key.id === id))
    if (missing.length > 0) throw new AgoraError(AgoraError.Types.NOT_FOUND, `API key with id: ${missing.join(", ")} was not found`)
    const revoked = await service.revoke(input.ids, { revoked_by: input.revoked_by, revoke_in: input.revoke_in })
    return new StepResponse(
      revoked,
      current.map(({ id, revoked_at, revoked_by }) => ({ id, revoked_at, revoked_by })),
    )
  },
  async (previous, { container }) => {
    if (!previous || previous.length === 0) return
    await container.resolve<ApiKeyModuleService>(API_KEY_MODULE).updateApiKeys(previous)
  },
)
