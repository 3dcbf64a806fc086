import type { AuthenticatedAgoraRequest, AgoraResponse } from "../../../../framework/http/index.ts"
import { AUTH_MODULE } from "../../../../modules/auth/index.ts"
import type { AuthModuleService } from "../../../../modules/auth/index.ts"
import { generateJwtToken } from "../../utils/generate-jwt-token.ts"

/**
 * A fresh token for the bearer's identity and actor type, read from the identity as it is now: a
 * registration token refreshed after the customer was created names the customer.
 */
export const POST = async (req: AuthenticatedAgoraRequest, res: AgoraResponse) => {
  const { auth_identity_id, actor_type } = req.auth_context
  const identity = await req.scope.resolve<AuthModuleService>(AUTH_MODULE).retrieveAuthIdentity(auth_identity_id)
  const appMetadata = (identity.app_metadata as Record<string, unknown> | null) ?? {}
  res.json({ token: generateJwtToken(req, { id: identity.id, app_metadata: appMetadata }, actor_type) })
}
