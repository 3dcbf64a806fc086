import { Module } from "../../framework/modules/index.ts"
import { PricingModuleService } from "./service.ts"

export const PRICING_MODULE = "pricing"
export { PricingModuleService }
export type * from "./types.ts"
export default Module(PRICING_MODULE, { service: PricingModuleService })
