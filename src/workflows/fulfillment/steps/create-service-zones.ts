import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { FULFILLMENT_MODULE } from "../../../modules/fulfillment/index.ts"
import type { CreateServiceZoneInput, FulfillmentModuleService, ServiceZoneDTO } from "../../../modules/fulfillment/index.ts"

export type CreateServiceZonesStepInput = (CreateServiceZoneInput & { fulfillment_set_id: string })[]

export const createServiceZonesStepId = "create-service-zones-step"

/** Creates service zones with their geo zones; its compensation deletes them (geo zones included). */
export const createServiceZonesStep = createStep(
  createServiceZonesStepId,
  async (zones: CreateServiceZonesStepInput, { container }) => {
    if (zones.length === 0) return new StepResponse<ServiceZoneDTO[], string[]>([], [])
    const created = await container.resolve<FulfillmentModuleService>(FULFILLMENT_MODULE).createServiceZones(zones)
    return new StepResponse(
      created,
      created.map((zone) => zone.id),
    )
  },
  async (ids, { container }) => {
    if (!ids || ids.length === 0) return
    await container.resolve<FulfillmentModuleService>(FULFILLMENT_MODULE).deleteServiceZones(ids)
  },
)
