import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { STOCK_LOCATION_MODULE } from "../../../modules/stock-location/index.ts"
import type { StockLocationModuleService } from "../../../modules/stock-location/index.ts"

export const deleteStockLocationsStepId = "delete-stock-locations-step"

/**
 * Soft-deletes stock locations with the addresses they alone use and their links; not_found naming
 * any id that is not a live location. Its compensation restores them, links included.
 */
export const deleteStockLocationsStep = createStep(
  deleteStockLocationsStepId,
  async (ids: string[], { container }) => {
    const service = container.resolve<StockLocationModuleService>(STOCK_LOCATION_MODULE)
    const found = ids.length === 0 ? [] : await service.listStockLocations({ id: ids }, { select: ["id"] })
    const missing = ids.filter((id) => !found.some((location) => location.id === id))
    if (missing.length > 0) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Stock location with id: ${missing.join(", ")} was not found`)
    await service.softDeleteStockLocations(ids)
    return new StepResponse(ids)
  },
  async (ids, { container }) => {
    if (!ids || ids.length === 0) return
    await container.resolve<StockLocationModuleService>(STOCK_LOCATION_MODULE).restoreStockLocations(ids)
  },
)
