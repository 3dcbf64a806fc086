import { ContainerKeys } from "../../../framework/container/index.ts"
import type { Database } from "../../../framework/database/index.ts"
import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { FULFILLMENT_MODULE } from "../../../modules/fulfillment/index.ts"
import type { FulfillmentModuleService } from "../../../modules/fulfillment/index.ts"

export type DeleteFulfillmentSetsStepInput = {
  ids: string[]
  /** Ids that are not live fulfillment sets fail with not_found, unless this is set (then they are skipped). */
  ignoreMissing?: boolean
}

type Deleted = { sets: string[]; zones: string[]; geoZones: string[]; options: string[] }

export const deleteFulfillmentSetsStepId = "delete-fulfillment-sets-step"

/**
 * Soft-deletes fulfillment sets with everything under them: their service zones, the zones' geo
 * zones and shipping options (whose price sets and links go with them). Its compensation restores
 * all of it.
 */
export const deleteFulfillmentSetsStep = createStep(
  deleteFulfillmentSetsStepId,
  async (input: DeleteFulfillmentSetsStepInput, { container }) => {
    const service = container.resolve<FulfillmentModuleService>(FULFILLMENT_MODULE)
    const found = input.ids.length === 0 ? [] : await service.listFulfillmentSets({ id: input.ids }, { select: ["id"] })
    const missing = input.ids.filter((id) => !found.some((set) => set.id === id))
    if (missing.length > 0 && !input.ignoreMissing) {
      throw new AgoraError(AgoraError.Types.NOT_FOUND, `Fulfillment set with id: ${missing.join(", ")} was not found`)
    }
    const sets = found.map((set) => set.id)
    if (sets.length === 0) return new StepResponse<string[], Deleted>([], { sets: [], zones: [], geoZones: [], options: [] })
    const zones = (await service.listServiceZones({ fulfillment_set_id: sets }, { select: ["id"] })).map((zone) => zone.id)
    const geoZones = zones.length === 0 ? [] : (await service.listGeoZones({ service_zone_id: zones }, { select: ["id"] })).map((zone) => zone.id)
    const options = zones.length === 0 ? [] : (await service.listShippingOptions({ service_zone_id: zones }, { select: ["id"] })).map((option) => option.id)
    await container.resolve<Database>(ContainerKeys.DATABASE).transaction(async () => {
      await service.softDeleteShippingOptions(options)
      await service.softDeleteGeoZones(geoZones)
      await service.softDeleteServiceZones(zones)
      await service.softDeleteFulfillmentSets(sets)
    })
    return new StepResponse(sets, { sets, zones, geoZones, options })
  },
  async (deleted, { container }) => {
    if (!deleted || deleted.sets.length === 0) return
    const service = container.resolve<FulfillmentModuleService>(FULFILLMENT_MODULE)
    await container.resolve<Database>(ContainerKeys.DATABASE).transaction(async () => {
      await service.restoreFulfillmentSets(deleted.sets)
      await service.restoreServiceZones(deleted.zones)
      await service.restoreGeoZones(deleted.geoZones)
      await service.restoreShippingOptions(deleted.options)
    })
  },
)
