import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { AUTH_MODULE } from "../../../modules/auth/index.ts"
import type { AuthModuleService } from "../../../modules/auth/index.ts"

export type SetAuthAppMetadataStepInput = { authIdentityId: string; actorType: string; value: string }

type Previous = { id: string; app_metadata: Record<string, unknown> | null }

export const setAuthAppMetadataStepId = "set-auth-app-metadata-step"
/**
 * Binds an actor to an auth identity (`app_metadata.<actor>_id`), so its next sign-in token names the
 * actor. Its compensation puts the identity's app_metadata back as it was.
 */
export const setAuthAppMetadataStep = createStep(
  setAuthAppMetadataStepId,
  async (input: SetAuthAppMetadataStepInput, { container }) => {
    const auth = container.resolve<AuthModuleService>(AUTH_MODULE)
    const identity = await auth.retrieveAuthIdentity(input.authIdentityId)
    await auth.addActor(identity.id, input.actorType, input.value)
    const previous = (identity.app_metadata as Record<string, unknown> | null) ?? null
    return new StepResponse<undefined, Previous>(undefined, { id: identity.id, app_metadata: previous })
  },
  async (previous, { container }) => {
    if (!previous) return
    await container.resolve<AuthModuleService>(AUTH_MODULE).updateAuthIdentities({ id: previous.id, app_metadata: previous.app_metadata })
  },
)
