import { ModuleService } from "../../framework/modules/index.ts"
import { InventoryItem } from "./models/inventory-item.ts"
import { InventoryLevel } from "./models/inventory-level.ts"
import { ReservationItem } from "./models/reservation-item.ts"

/** The generated row access of the module's models, before the service adds inventory rules. */
export const InventoryTables = ModuleService({ InventoryItem, InventoryLevel, ReservationItem })
export type InventoryTables = InstanceType<typeof InventoryTables>
