import { Module } from "../../framework/modules/index.ts"
import { InventoryModuleService } from "./service.ts"

export const INVENTORY_MODULE = "inventory"
export { InventoryModuleService }
export type * from "./types.ts"
export default Module(INVENTORY_MODULE, { service: InventoryModuleService })
