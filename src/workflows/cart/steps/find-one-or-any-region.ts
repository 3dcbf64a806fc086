import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { REGION_MODULE } from "../../../modules/region/index.ts"
import type { RegionDTO, RegionModuleService } from "../../../modules/region/index.ts"
import { STORE_MODULE } from "../../../modules/store/index.ts"
import type { StoreModuleService } from "../../../modules/store/index.ts"
import type { RegionForCart } from "../utils/types.ts"

export type FindOneOrAnyRegionStepInput = { region_id?: string | null }

/**
 * The region a cart is in: the one asked for (not_found when it does not exist), else the store's
 * default region, else any region; not_found "No regions found" when there is none.
 */
export const findOneOrAnyRegionStepId = "find-one-or-any-region-step"
export const findOneOrAnyRegionStep = createStep(findOneOrAnyRegionStepId, async (input: FindOneOrAnyRegionStepInput, { container }) => {
  const regions = container.resolve<RegionModuleService>(REGION_MODULE)
  const withCountries = { relations: ["countries"], take: 1 }
  if (input.region_id) {
    const [region] = await regions.listRegions({ id: input.region_id }, withCountries)
    if (!region) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Region with id: ${input.region_id} was not found`)
    return new StepResponse(regionForCart(region))
  }
  const [store] = await container.resolve<StoreModuleService>(STORE_MODULE).listStores({}, { select: ["default_region_id"], take: 1 })
  const [preferred] = store?.default_region_id ? await regions.listRegions({ id: store.default_region_id }, withCountries) : []
  const region = preferred ?? (await regions.listRegions({}, { ...withCountries, order: { created_at: "ASC" } }))[0]
  if (!region) throw new AgoraError(AgoraError.Types.NOT_FOUND, "No regions found")
  return new StepResponse(regionForCart(region))
})

export function regionForCart(region: RegionDTO): RegionForCart {
  return {
    id: region.id,
    name: region.name,
    currency_code: region.currency_code,
    countries: (region.countries ?? []).map((country) => country.iso_2).sort(),
  }
}
