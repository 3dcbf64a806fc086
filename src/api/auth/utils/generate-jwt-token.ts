import { signToken } from "../../../framework/auth/index.ts"
import type { AgoraConfig } from "../../../framework/config/index.ts"
import { AgoraError } from "../../../framework/errors/index.ts"
import type { AgoraRequest } from "../../../framework/http/index.ts"

/** The actor types that sign in over `/auth`. */
export const ACTOR_TYPES = new Set(["user", "customer"])

export function assertActorType(actorType: string): void {
  if (!ACTOR_TYPES.has(actorType)) {
    throw new AgoraError(AgoraError.Types.NOT_FOUND, `Actor type ${actorType} is not supported`)
  }
}

/**
 * The token of an auth identity acting as `actorType` (API.md §2): `actor_id` is the identity's
 * `<actor_type>_id`, "" while it has none (a registration token).
 */
export function generateJwtToken(
  req: Pick<AgoraRequest, "scope">,
  identity: { id: string; app_metadata: Record<string, unknown> | null },
  actorType: string,
): string {
  const appMetadata = identity.app_metadata ?? {}
  const actorId = appMetadata[`${actorType}_id`]
  const { jwtSecret, jwtExpiresIn } = req.scope.resolve<AgoraConfig>("configModule").projectConfig.http
  return signToken(
    {
      actor_id: typeof actorId === "string" ? actorId : "",
      actor_type: actorType,
      auth_identity_id: identity.id,
      app_metadata: appMetadata,
    },
    jwtSecret,
    jwtExpiresIn,
  )
}
