import type { FastifyRequest } from "fastify"
import { AgoraError } from "../errors/index.ts"
import type { AgoraMiddleware } from "../http/types.ts"

export const PUBLISHABLE_KEY_HEADER = "x-publishable-api-key"

type KeyRow = { id: string; revoked_at: Date | null; sales_channels: { id: string }[] | null }
type QueryLike = {
  graph(query: { entity: string; fields: string[]; filters: Record<string, unknown>; pagination: { take: number } }): Promise<{ data: KeyRow[] }>
}

/**
 * `/store` guard (API.md §4): the request must carry an active publishable key. Its sales channels
 * scope the store and are put on `req.publishable_key_context`. The key is read through Query, by
 * the contract of the app's `api_key` entity and its `sales_channels` link.
 */
export function ensurePublishableApiKey(): AgoraMiddleware {
  return async (req: FastifyRequest) => {
    const header = req.headers[PUBLISHABLE_KEY_HEADER]
    const token = Array.isArray(header) ? header[0] : header
    if (!token) {
      throw new AgoraError(
        AgoraError.Types.NOT_ALLOWED,
        `Publishable API key required in the request header: ${PUBLISHABLE_KEY_HEADER}. You can manage your keys in settings in the dashboard.`,
      )
    }
    const { data } = await req.scope.resolve<QueryLike>("query").graph({
      entity: "api_key",
      fields: ["id", "revoked_at", "sales_channels.id"],
      filters: { token, type: "publishable" },
      pagination: { take: 1 },
    })
    const key = data[0]
    if (!key || (key.revoked_at !== null && key.revoked_at.getTime() <= Date.now())) {
      throw new AgoraError(AgoraError.Types.NOT_ALLOWED, "A valid publishable key is required to proceed with the request")
    }
    req.publishable_key_context = { key: token, id: key.id, sales_channel_ids: (key.sales_channels ?? []).map((channel) => channel.id) }
  }
}
