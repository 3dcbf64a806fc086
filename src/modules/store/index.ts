import { Module } from "../../framework/modules/index.ts"
import { StoreModuleService } from "./service.ts"

export const STORE_MODULE = "store"
export { StoreModuleService }
export type { CreateStoreInput, StoreCurrencyInput, StoreDTO, UpdateStoreInput } from "./service.ts"
export type { StoreCurrencyDTO } from "./models/store-currency.ts"
export default Module(STORE_MODULE, { service: StoreModuleService })
