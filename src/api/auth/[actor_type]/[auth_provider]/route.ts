import type { AgoraRequest, AgoraResponse } from "../../../../framework/http/index.ts"
import { AUTH_MODULE } from "../../../../modules/auth/index.ts"
import type { AuthModuleService } from "../../../../modules/auth/index.ts"
import { assertActorType, generateJwtToken } from "../../utils/generate-jwt-token.ts"

type AuthParams = { actor_type: string; auth_provider: string }

/** Signs in with a provider (emailpass: `{ email, password }`) and answers `{ token }`. */
export const POST = async (req: AgoraRequest, res: AgoraResponse) => {
  const { actor_type, auth_provider } = req.params as AuthParams
  assertActorType(actor_type)
  const credentials = (req.body ?? {}) as Record<string, unknown>
  const identity = await req.scope.resolve<AuthModuleService>(AUTH_MODULE).authenticate(auth_provider, credentials)
  res.json({ token: generateJwtToken(req, identity, actor_type) })
}
