import { Module } from "../../framework/modules/index.ts"
import { ProductModuleService } from "./service.ts"

export const PRODUCT_MODULE = "product"
export { ProductModuleService }
export type * from "./types.ts"
export default Module(PRODUCT_MODULE, { service: ProductModuleService })
