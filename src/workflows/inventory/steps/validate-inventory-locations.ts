import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep } from "../../../framework/workflows-sdk/index.ts"
import { STOCK_LOCATION_MODULE } from "../../../modules/stock-location/index.ts"
import type { StockLocationModuleService } from "../../../modules/stock-location/index.ts"

export const validateInventoryLocationsStepId = "validate-inventory-locations-step"

/**
 * Checks that stock is placed at stock locations that exist: not_found naming the first missing
 * `location_id`. Without the stock location module there is nothing to check against.
 */
export const validateInventoryLocationsStep = createStep(
  { name: validateInventoryLocationsStepId, readOnly: true },
  async (locationIds: string[], { container }) => {
    const wanted = [...new Set(locationIds)]
    if (wanted.length === 0 || !container.hasRegistration(STOCK_LOCATION_MODULE)) return
    for (const id of wanted) {
      if (typeof id !== "string" || id === "") throw new AgoraError(AgoraError.Types.INVALID_DATA, "location_id is required")
    }
    const found = await container
      .resolve<StockLocationModuleService>(STOCK_LOCATION_MODULE)
      .listStockLocations({ id: wanted }, { select: ["id"] })
    const missing = wanted.find((id) => !found.some((location) => location.id === id))
    if (missing !== undefined) {
      throw new AgoraError(AgoraError.Types.NOT_FOUND, `Stock location ${missing} (location_id) was not found`)
    }
  },
)
