import jwt from "jsonwebtoken"
import type { SignOptions } from "jsonwebtoken"
import type { AuthContext } from "../http/types.ts"

export type TokenPayload = AuthContext

/** HS256 token with the payload Medusa clients expect (API.md §2). */
export function signToken(payload: TokenPayload, secret: string, expiresIn: string): string {
  const lifetime = (/^\d+$/.test(expiresIn) ? Number(expiresIn) : expiresIn) as SignOptions["expiresIn"]
  return jwt.sign(payload, secret, { algorithm: "HS256", expiresIn: lifetime })
}

const MAX_CACHED_TOKENS = 10_000
// A token is verified once per process, then looked up: the signature check dominates an admin
// request that is otherwise a single indexed read. Expiry is still checked on every use.
const verified = new Map<string, { secret: string; payload: TokenPayload; expiresAt: number }>()

/** The payload of a valid, unexpired HS256 token signed with `secret`; undefined otherwise. */
export function verifyToken(token: string, secret: string): TokenPayload | undefined {
  const cached = verified.get(token)
  if (cached && cached.secret === secret && cached.expiresAt > Date.now()) return cached.payload
  const payload = verifySignature(token, secret)
  if (payload) {
    if (verified.size >= MAX_CACHED_TOKENS) verified.clear()
    Object.freeze(payload.context.app_metadata)
    verified.set(token, { secret, payload: Object.freeze(payload.context), expiresAt: payload.expiresAt })
  }
  return payload?.context
}

function verifySignature(token: string, secret: string): { context: TokenPayload; expiresAt: number } | undefined {
  try {
    const payload = jwt.verify(token, secret, { algorithms: ["HS256"] })
    if (typeof payload !== "object" || payload === null) return undefined
    const { actor_id, actor_type, auth_identity_id, app_metadata, exp } = payload as Record<string, unknown>
    if (typeof actor_id !== "string" || typeof actor_type !== "string" || typeof auth_identity_id !== "string") {
      return undefined
    }
    const metadata = typeof app_metadata === "object" && app_metadata !== null ? (app_metadata as Record<string, unknown>) : {}
    return {
      context: { actor_id, actor_type, auth_identity_id, app_metadata: metadata },
      expiresAt: typeof exp === "number" ? exp * 1000 : Number.POSITIVE_INFINITY,
    }
  } catch {
    return undefined
  }
}
