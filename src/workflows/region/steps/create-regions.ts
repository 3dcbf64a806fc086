import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { REGION_MODULE } from "../../../modules/region/index.ts"
import type { CreateRegionInput, RegionDTO, RegionModuleService } from "../../../modules/region/index.ts"

export const createRegionsStepId = "create-regions-step"

/** Creates regions with their countries; its compensation deletes them, which frees the countries. */
export const createRegionsStep = createStep(
  createRegionsStepId,
  async (regions: CreateRegionInput[], { container }) => {
    if (regions.length === 0) return new StepResponse<RegionDTO[], string[]>([], [])
    const created = await container.resolve<RegionModuleService>(REGION_MODULE).createRegions(regions)
    return new StepResponse(
      created,
      created.map((region) => region.id),
    )
  },
  async (regionIds, { container }) => {
    if (!regionIds || regionIds.length === 0) return
    await container.resolve<RegionModuleService>(REGION_MODULE).deleteRegions(regionIds)
  },
)
