import type { FastifyReply, FastifyRequest } from "fastify"
import type { HttpConfig } from "../config/index.ts"
import type { AgoraMiddleware } from "../http/types.ts"
import { verifyToken } from "./jwt.ts"

export type AuthType = "bearer"

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
