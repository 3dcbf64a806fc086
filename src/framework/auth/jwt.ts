import jwt from "jsonwebtoken"
import type { SignOptions } from "jsonwebtoken"
import type { AuthContext } from "../http/types.ts"

export type TokenPayload = AuthContext

/** HS256 token with the payload Medusa clients expect (API.md §2). */
export function signToken(payload: TokenPayload, secret: string, expiresIn: string): string {
  const lifetime = (/^\d+$/.test(expiresIn) ? Number(expiresIn) : expiresIn) as SignOptions["expiresIn"]
  return jwt.sign(payload, secret, { algorithm: "HS256", expiresIn: lifetime })
}

/** The payload of a valid, unexpired HS256 token signed with `secret`; undefined otherwise. */
export function verifyToken(token: string, secret: string): TokenPayload | undefined {
  try {
    const payload = jwt.verify(token, secret, { algorithms: ["HS256"] })
    if (typeof payload !== "object" || payload === null) return undefined
    const { actor_id, actor_type, auth_identity_id, app_metadata } = payload as Record<string, unknown>
    if (typeof actor_id !== "string" || typeof actor_type !== "string" || typeof auth_identity_id !== "string") {
      return undefined
    }
    return {
      actor_id,
      actor_type,
      auth_identity_id,
      app_metadata: typeof app_metadata === "object" && app_metadata !== null ? (app_metadata as Record<string, unknown>) : {},
    }
  } catch {
    return undefined
  }
}
