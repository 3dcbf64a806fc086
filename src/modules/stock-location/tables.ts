import { ModuleService } from "../../framework/modules/index.ts"
import { StockLocation } from "./models/stock-location.ts"
import { StockLocationAddress } from "./models/stock-location-address.ts"

/** The generated row access of the module's models, beneath the service's nested-address writes. */
export const StockLocationTables = ModuleService({ StockLocation, StockLocationAddress })
export type StockLocationTables = InstanceType<typeof StockLocationTables>
