import type { AgoraRequest, AgoraResponse } from "../../../../../framework/http/index.ts"
import { AUTH_MODULE } from "../../../../../modules/auth/index.ts"
import type { AuthModuleService } from "../../../../../modules/auth/index.ts"
import { assertActorType, generateJwtToken } from "../../../utils/generate-jwt-token.ts"

type AuthParams = { actor_type: string; auth_provider: string }

/**
 * Creates an identity for a provider (emailpass: `{ email, password }`) and answers `{ token }`: a
 * registration token, whose `actor_id` is "" until an actor (e.g. a customer) is created with it.
 * The provider checks the credentials, so a bad one is the same 401 as at sign-in.
 */
export const POST = async (req: AgoraRequest, res: AgoraResponse) => {
  const { actor_type, auth_provider } = req.params as AuthParams
  assertActorType(actor_type)
  const credentials = (req.body ?? {}) as Record<string, unknown>
  const identity = await req.scope.resolve<AuthModuleService>(AUTH_MODULE).register(auth_provider, credentials)
  res.json({ token: generateJwtToken(req, identity, actor_type) })
}
