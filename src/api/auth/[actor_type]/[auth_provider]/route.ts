import { signToken } from "../../../../framework/auth/index.ts"
import type { AgoraConfig } from "../../../../framework/config/index.ts"
import { AgoraError } from "../../../../framework/errors/index.ts"
import type { AgoraRequest, AgoraResponse } from "../../../../framework/http/index.ts"
import { AUTH_MODULE } from "../../../../modules/auth/index.ts"
import type { AuthModuleService } from "../../../../modules/auth/index.ts"

const ACTOR_TYPES = new Set(["user", "customer"])

type AuthParams = { actor_type: string; auth_provider: string }

/** Signs in with a provider (emailpass: `{ email, password }`) and answers `{ token }`. */
export const POST = async (req: AgoraRequest, res: AgoraResponse) => {
  const { actor_type, auth_provider } = req.params as AuthParams
  if (!ACTOR_TYPES.has(actor_type)) {
    throw new AgoraError(AgoraError.Types.NOT_FOUND, `Actor type ${actor_type} is not supported`)
  }
  const credentials = (req.body ?? {}) as Record<string, unknown>
  const identity = await req.scope.resolve<AuthModuleService>(AUTH_MODULE).authenticate(auth_provider, credentials)
  const actorId = identity.app_metadata[`${actor_type}_id`]
  const { jwtSecret, jwtExpiresIn } = req.scope.resolve<AgoraConfig>("configModule").projectConfig.http
  const token = signToken(
    {
      actor_id: typeof actorId === "string" ? actorId : "",
      actor_type,
      auth_identity_id: identity.id,
      app_metadata: identity.app_metadata,
    },
    jwtSecret,
    jwtExpiresIn,
  )
  res.json({ token })
}
