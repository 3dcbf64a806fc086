import { Module } from "../../framework/modules/index.ts"
import { GeneratedCrud } from "./crud.ts"
import { FulfillmentModuleService } from "./service.ts"

export const FULFILLMENT_MODULE = "fulfillment"
export { FulfillmentModuleService }
export { MANUAL_PROVIDER_ID } from "./providers/registry.ts"
export { ManualFulfillmentProvider } from "./providers/manual.ts"
export type * from "./providers/types.ts"
export type * from "./types.ts"
export type { ShippingAddress, ShippingOptionContext, ShippingOptionForContext } from "./options-for-context.ts"
export type { RuleOperator, RuleValue } from "./models/shipping-option-rule.ts"
export type { GeoZoneType } from "./models/geo-zone.ts"

export default Module(FULFILLMENT_MODULE, {
  service: FulfillmentModuleService,
  models: Object.values(GeneratedCrud.models),
})
