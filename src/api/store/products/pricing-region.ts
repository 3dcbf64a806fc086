import type { AwilixContainer } from "awilix"
import { AgoraError } from "../../../framework/errors/index.ts"
import type { Query } from "../../../framework/modules/index.ts"

/** The region prices are worked out for, and its currency. */
export type PricingRegion = { id: string; currency_code: string }

export type PricingParams = { region_id?: string | undefined; cart_id?: string | undefined }

/**
 * Whether the request prices its variants: it asks for `variants.calculated_price`, or names a
 * region (directly or through a cart), in which case prices come without being asked for.
 */
export function wantsPrices(params: PricingParams, calculatedPriceAsked: boolean): boolean {
  return calculatedPriceAsked || Boolean(params.region_id) || Boolean(params.cart_id)
}

/**
 * The pricing region, as Medusa resolves it: the cart's region when `cart_id` names a cart, else
 * `region_id`, else the store's default region. None → 400; a region id that names no region → 400.
 */
export async function resolvePricingRegion(scope: AwilixContainer, params: PricingParams): Promise<PricingRegion> {
  const query = scope.resolve<Query>("query")
  let regionId = params.region_id
  if (params.cart_id) {
    const { data } = await query.graph<{ region_id: string | null }>({
      entity: "cart",
      fields: ["region_id"],
      filters: { id: params.cart_id },
      pagination: { take: 1 },
    })
    regionId = data[0]?.region_id ?? regionId
  }
  if (!regionId) {
    const { data } = await query.graph<{ default_region_id: string | null }>({
      entity: "store",
      fields: ["default_region_id"],
      pagination: { take: 1 },
    })
    regionId = data[0]?.default_region_id ?? undefined
  }
  if (!regionId) {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, "Missing required pricing context to calculate prices - region_id")
  }
  const { data } = await query.graph<PricingRegion>({
    entity: "region",
    fields: ["id", "currency_code"],
    filters: { id: regionId },
    pagination: { take: 1 },
  })
  const region = data[0]
  if (!region) throw new AgoraError(AgoraError.Types.INVALID_DATA, `Region with id: ${regionId} was not found`)
  return region
}
