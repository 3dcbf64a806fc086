import { Module } from "../../framework/modules/index.ts"
import { StockLocationModuleService } from "./service.ts"

export const STOCK_LOCATION_MODULE = "stock_location"
export { StockLocationModuleService }
export type * from "./types.ts"
export default Module(STOCK_LOCATION_MODULE, { service: StockLocationModuleService })
