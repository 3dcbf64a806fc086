import type { AwilixContainer } from "awilix"
import { AgoraError } from "../../../framework/errors/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { STORE_MODULE } from "../../../modules/store/index.ts"
import type { StoreModuleService } from "../../../modules/store/index.ts"
import type { RegionForCart } from "../utils/types.ts"

export type FindOneOrAnyRegionStepInput = { region_id?: string | null }

export type RegionRow = { id: string; name: string; currency_code: string; countries?: { iso_2: string }[] | null }

/** What a cart needs of its region. */
export const REGION_FIELDS = ["id", "name", "currency_code", "countries.iso_2"]

/**
 * The region a cart is in: the one asked for (not_found when it does not exist), else the store's
 * default region, else any region; not_found "No regions found" when there is none.
 */
export const findOneOrAnyRegionStepId = "find-one-or-any-region-step"
export const findOneOrAnyRegionStep = createStep({ name: findOneOrAnyRegionStepId, readOnly: true }, async (input: FindOneOrAnyRegionStepInput, { container }) => {
  return new StepResponse(await findOneOrAnyRegion(container, input))
})

/** `findOneOrAnyRegionStep`'s lookup (a region with its countries is one statement), for steps that find it among other reads. */
export async function findOneOrAnyRegion(container: AwilixContainer, input: FindOneOrAnyRegionStepInput): Promise<RegionForCart> {
  const query = container.resolve<Query>("query")
  const regionOf = async (id: string) => (await query.graph<RegionRow>({ entity: "region", fields: REGION_FIELDS, filters: { id } })).data[0]
  if (input.region_id) {
    const region = await regionOf(input.region_id)
    if (!region) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Region with id: ${input.region_id} was not found`)
    return regionForCart(region)
  }
  const [store] = await container.resolve<StoreModuleService>(STORE_MODULE).listStores({}, { select: ["default_region_id"], take: 1 })
  const preferred = store?.default_region_id ? await regionOf(store.default_region_id) : undefined
  const region =
    preferred ??
    (await query.graph<RegionRow>({ entity: "region", fields: REGION_FIELDS, pagination: { take: 1, order: { created_at: "ASC" } } })).data[0]
  if (!region) throw new AgoraError(AgoraError.Types.NOT_FOUND, "No regions found")
  return regionForCart(region)
}

export function regionForCart(region: RegionRow): RegionForCart {
  return {
    id: region.id,
    name: region.name,
    currency_code: region.currency_code,
    countries: (region.countries ?? []).map((country) => country.iso_2).sort(),
  }
}
