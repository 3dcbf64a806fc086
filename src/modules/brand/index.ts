import { Module } from "../../framework/modules/index.ts"
import { BrandModuleService } from "./service.ts"

export const BRAND_MODULE = "brand"
export { BrandModuleService }
export default Module(BRAND_MODULE, { service: BrandModuleService })
