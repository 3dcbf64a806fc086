import type { FastifyReply, FastifyRequest } from "fastify"
import type { HttpConfig } from "../config/index.ts"
import type { AgoraMiddleware, AuthContext } from "../http/types.ts"
import { verifyToken } from "./jwt.ts"

/** `bearer`: a JWT; `api-key`: `Authorization: Basic base64(<secret key>:)`, as Medusa's admin accepts. */
export type AuthType = "bearer" | "api-key"

/** What the guard needs of the app's `api_key` module, resolved by key. */
type SecretKeys = { authenticate(token: unknown): Promise<{ id: string } | null> }

export type AuthenticateOptions = {
  /** Let the request through without credentials (the handler sees `auth_context` undefined). */
  allowUnauthenticated?: boolean
  /** Accept a token whose identity has no actor yet (`actor_id` is ""), e.g. for registration. */
  allowUnregistered?: boolean
}

/**
 * Requires a token for one of the actor types (`"*"`: any). A missing, tampered, expired or foreign
 * token, or one for another actor type, is 401 `{ message: "Unauthorized" }`.
 */
export function authenticate(
  actorType: string | string[],
  authTypes: AuthType[] = ["bearer"],
  options: AuthenticateOptions = {},
): AgoraMiddleware {
  const actorTypes = Array.isArray(actorType) ? actorType : [actorType]
  return async (req: FastifyRequest, res: FastifyReply) => {
    const http = req.scope.resolve<{ projectConfig: { http: HttpConfig } }>("configModule").projectConfig.http
    const context = authTypes.includes("bearer") ? bearerContext(req, http.jwtSecret) : undefined
    const accepted =
      context &&
      (actorTypes.includes("*") || actorTypes.includes(context.actor_type)) &&
      (context.actor_id !== "" || options.allowUnregistered)
    if (accepted) {
      req.auth_context = context
      return
    }
    const keyContext = authTypes.includes("api-key") ? await secretKeyContext(req) : undefined
    if (keyContext) {
      req.auth_context = keyContext
      return
    }
    if (options.allowUnauthenticated) return
    await res.status(401).send({ message: "Unauthorized" })
  }
}

function bearerContext(req: FastifyRequest, secret: string) {
  const header = req.headers.authorization
  if (!header) return undefined
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  return match?.[1] ? verifyToken(match[1], secret) : undefined
}

/** A secret API key sent as Basic credentials (the key as user name, no password) acts as `api-key`. */
async function secretKeyContext(req: FastifyRequest): Promise<AuthContext | undefined> {
  const match = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? "")
  if (!match?.[1] || !req.scope.hasRegistration("api_key")) return undefined
  const [token] = Buffer.from(match[1], "base64").toString("utf8").split(":")
  const key = await req.scope.resolve<SecretKeys>("api_key").authenticate(token)
  return key ? { actor_id: key.id, actor_type: "api-key", auth_identity_id: "", app_metadata: {} } : undefined
}
