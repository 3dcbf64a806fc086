import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { REGION_MODULE } from "../../../modules/region/index.ts"
import type { RegionModuleService } from "../../../modules/region/index.ts"

type Deleted = { id: string; countries: string[] }[]

export const deleteRegionsStepId = "delete-regions-step"

/**
 * Soft-deletes regions (their links go with them) and frees their countries; not_found naming any
 * id that is not a live region. Its compensation restores the regions, their links and their countries.
 */
export const deleteRegionsStep = createStep(
  deleteRegionsStepId,
  async (ids: string[], { container }) => {
    const service = container.resolve<RegionModuleService>(REGION_MODULE)
    const regions = ids.length === 0 ? [] : await service.listRegions({ id: ids }, { relations: ["countries"] })
    const missing = ids.filter((id) => !regions.some((region) => region.id === id))
    if (missing.length > 0) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Region with id: ${missing.join(", ")} was not found`)
    const deleted: Deleted = regions.map((region) => ({ id: region.id, countries: (region.countries ?? []).map((country) => country.iso_2) }))
    await service.softDeleteRegions(ids)
    return new StepResponse(ids, deleted)
  },
  async (deleted, { container }) => {
    if (!deleted || deleted.length === 0) return
    const service = container.resolve<RegionModuleService>(REGION_MODULE)
    await service.restoreRegions(deleted.map((region) => region.id))
    await service.updateRegions(deleted.map((region) => ({ id: region.id, countries: region.countries })))
  },
)
