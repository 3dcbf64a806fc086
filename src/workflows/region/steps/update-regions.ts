import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { REGION_MODULE } from "../../../modules/region/index.ts"
import type { RegionDTO, RegionModuleService, UpdateRegionInput } from "../../../modules/region/index.ts"

export const updateRegionsStepId = "update-regions-step"

/** Changes regions (`countries`, when given, replaces a region's countries); its compensation puts back what it replaced. */
export const updateRegionsStep = createStep(
  updateRegionsStepId,
  async (updates: UpdateRegionInput[], { container }) => {
    if (updates.length === 0) return new StepResponse<RegionDTO[], UpdateRegionInput[]>([], [])
    const service = container.resolve<RegionModuleService>(REGION_MODULE)
    const current = await service.listRegions({ id: updates.map((update) => update.id) }, { relations: ["countries"] })
    const previous = updates.map(({ id, ...changes }) => {
      const region = current.find((row) => row.id === id)
      if (!region) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Region with id: ${id} was not found`)
      const before: UpdateRegionInput = { id }
      for (const key of Object.keys(changes) as (keyof typeof changes)[]) {
        if (key === "countries") before.countries = (region.countries ?? []).map((country) => country.iso_2)
        else Object.assign(before, { [key]: region[key] })
      }
      return before
    })
    const updated = await service.updateRegions(updates)
    return new StepResponse(updated, previous)
  },
  async (previous, { container }) => {
    if (!previous || previous.length === 0) return
    await container.resolve<RegionModuleService>(REGION_MODULE).updateRegions(previous)
  },
)
