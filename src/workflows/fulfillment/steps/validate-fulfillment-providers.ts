import { AgoraError } from "../../../framework/errors/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"

/** Shipping options to check: the service zone they ship within and the provider they ship through. */
export type ValidateFulfillmentProvidersStepInput = { service_zone_id: string; provider_id: string }[]

type Zone = { id: string; fulfillment_set: { stock_location: { fulfillment_providers: { id: string }[] } | null } | null }

export const validateFulfillmentProvidersStepId = "validate-fulfillment-providers-step"

/**
 * A shipping option's provider must be one its service zone's stock location ships through
 * (`POST /admin/stock-locations/:id/fulfillment-providers`): not_allowed naming the others, as
 * Medusa; not_found for an unknown service zone. Nothing to undo.
 */
export const validateFulfillmentProvidersStep = createStep(
  { name: validateFulfillmentProvidersStepId, readOnly: true },
  async (options: ValidateFulfillmentProvidersStepInput, { container }) => {
    const zoneIds = [...new Set(options.map((option) => option.service_zone_id))]
    if (zoneIds.length === 0) return new StepResponse(true)
    const { data: zones } = await container.resolve<Query>("query").graph<Zone>({
      entity: "service_zone",
      fields: ["id", "fulfillment_set.stock_location.fulfillment_providers.id"],
      filters: { id: zoneIds },
    })
    const missing = zoneIds.filter((id) => !zones.some((zone) => zone.id === id))
    if (missing.length > 0) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Service zone with id: ${missing.join(", ")} was not found`)
    const invalid = options
      .filter((option) => {
        const zone = zones.find((row) => row.id === option.service_zone_id)
        const providers = zone?.fulfillment_set?.stock_location?.fulfillment_providers ?? []
        return !providers.some((provider) => provider.id === option.provider_id)
      })
      .map((option) => option.provider_id)
    if (invalid.length > 0) {
      throw new AgoraError(AgoraError.Types.NOT_ALLOWED, `Providers (${[...new Set(invalid)].join(",")}) are not enabled for the service location`)
    }
    return new StepResponse(true)
  },
)
