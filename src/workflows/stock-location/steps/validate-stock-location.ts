import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { STOCK_LOCATION_MODULE } from "../../../modules/stock-location/index.ts"
import type { StockLocationModuleService, StockLocationRow } from "../../../modules/stock-location/index.ts"

export const validateStockLocationStepId = "validate-stock-location-step"

/** The stock location with this id; not_found naming it otherwise. */
export const validateStockLocationStep = createStep({ name: validateStockLocationStepId, readOnly: true }, async (id: string, { container }) => {
  if (typeof id !== "string" || id === "") throw new AgoraError(AgoraError.Types.INVALID_DATA, "id of the stock location is required")
  const [location] = await container.resolve<StockLocationModuleService>(STOCK_LOCATION_MODULE).listStockLocations({ id })
  if (!location) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Stock location ${id} was not found`)
  return new StepResponse<StockLocationRow>(location)
})
