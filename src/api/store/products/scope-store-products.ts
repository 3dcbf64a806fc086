import type { FastifyRequest } from "fastify"
import { AgoraError } from "../../../framework/errors/index.ts"
import type { AgoraMiddleware } from "../../../framework/http/index.ts"

const PRICING_PARAMS = ["region_id", "country_code", "province", "cart_id"]
const UNMODELLED_FILTERS = ["collection_id", "type_id", "tag_id", "category_id"]

/**
 * Scopes a store product read (API.md §4, §7): published products of the publishable key's sales
 * channels, or of the channels `sales_channel_id` picks among them. Leaves in `req.filterableFields`
 * the Query filters of the product; the pricing parameters stay in `req.validatedQuery`.
 */
export function scopeStoreProducts(): AgoraMiddleware {
  return async (req: FastifyRequest) => {
    const keyChannels = req.publishable_key_context.sales_channel_ids
    const { sales_channel_id: requested, ...filters } = req.filterableFields
    let channels = keyChannels
    if (requested !== undefined) {
      const ids = Array.isArray(requested) ? (requested as string[]) : [requested as string]
      if (ids.some((id) => !keyChannels.includes(id))) {
        throw new AgoraError(AgoraError.Types.INVALID_DATA, "Requested sales channel is not part of the publishable key")
      }
      channels = ids
    }
    if (channels.length === 0) {
      throw new AgoraError(AgoraError.Types.INVALID_DATA, "Publishable key needs to have a sales channel configured")
    }
    for (const key of PRICING_PARAMS) delete filters[key]
    req.filterableFields = { ...toProductFilters(filters), status: "published", sales_channel_id: channels }
  }
}

/**
 * Agora's catalog has no collections, types, tags or categories: a filter on one of them matches
 * no product (as it would match none without any in Medusa), at any depth of `$and` / `$or`.
 */
function toProductFilters(filters: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  let matchesNothing = false
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined) continue
    if (UNMODELLED_FILTERS.includes(key)) matchesNothing = true
    else if ((key === "$and" || key === "$or") && Array.isArray(value)) result[key] = value.map((entry: Record<string, unknown>) => toProductFilters(entry))
    else result[key] = value
  }
  // An empty id list compiles to `false`; appended so that a caller's own `id` filter stays.
  if (matchesNothing) result.$and = [...((result.$and as unknown[] | undefined) ?? []), { id: [] }]
  return result
}
