import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { STOCK_LOCATION_MODULE } from "../../../modules/stock-location/index.ts"
import type { CreateStockLocationInput, StockLocationModuleService } from "../../../modules/stock-location/index.ts"

export const createStockLocationsStepId = "create-stock-locations-step"

/** Creates stock locations with their addresses; its compensation deletes them (and addresses they alone use). */
export const createStockLocationsStep = createStep(
  createStockLocationsStepId,
  async (locations: CreateStockLocationInput[], { container }) => {
    const service = container.resolve<StockLocationModuleService>(STOCK_LOCATION_MODULE)
    const created = locations.length === 0 ? [] : await service.createStockLocations(locations)
    return new StepResponse(
      created,
      created.map((location) => location.id),
    )
  },
  async (locationIds, { container }) => {
    if (!locationIds || locationIds.length === 0) return
    await container.resolve<StockLocationModuleService>(STOCK_LOCATION_MODULE).deleteStockLocations(locationIds)
  },
)
