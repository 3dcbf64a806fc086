import { AgoraError } from "../../../framework/errors/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"

/** The records a store may name as its defaults; each one given must exist. */
export type ValidateStoreDefaultsStepInput = {
  default_region_id?: string | null
  default_sales_channel_id?: string | null
  default_location_id?: string | null
}[]

const REFERENCES = [
  { field: "default_region_id", entity: "region", label: "Region" },
  { field: "default_sales_channel_id", entity: "sales_channel", label: "Sales channel" },
  { field: "default_location_id", entity: "stock_location", label: "Stock location" },
] as const

export const validateStoreDefaultsStepId = "validate-store-defaults-step"

/** Fails with invalid_data naming the field when a store's default region, channel or location does not exist. Nothing to undo. */
export const validateStoreDefaultsStep = createStep(
  { name: validateStoreDefaultsStepId, readOnly: true },
  async (stores: ValidateStoreDefaultsStepInput, { container }) => {
    const query = container.resolve<Query>("query")
    for (const { field, entity, label } of REFERENCES) {
      const ids = [...new Set(stores.flatMap((store) => (typeof store[field] === "string" ? [store[field]] : [])))]
      if (ids.length === 0) continue
      const { data } = await query.graph<{ id: string }>({ entity, fields: ["id"], filters: { id: ids } })
      const missing = ids.filter((id) => !data.some((row) => row.id === id))
      if (missing.length > 0) {
        throw new AgoraError(AgoraError.Types.INVALID_DATA, `${field}: ${label} with id: ${missing.join(", ")} was not found`)
      }
    }
    return new StepResponse(true)
  },
)
