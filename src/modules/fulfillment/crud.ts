import { ModuleService } from "../../framework/modules/index.ts"
import { FulfillmentAddress } from "./models/fulfillment-address.ts"
import { FulfillmentItem } from "./models/fulfillment-item.ts"
import { FulfillmentLabel } from "./models/fulfillment-label.ts"
import { FulfillmentProvider } from "./models/fulfillment-provider.ts"
import { FulfillmentSet } from "./models/fulfillment-set.ts"
import { Fulfillment } from "./models/fulfillment.ts"
import { GeoZone } from "./models/geo-zone.ts"
import { ServiceZone } from "./models/service-zone.ts"
import { ShippingOptionRule } from "./models/shipping-option-rule.ts"
import { ShippingOptionType } from "./models/shipping-option-type.ts"
import { ShippingOption } from "./models/shipping-option.ts"
import { ShippingProfile } from "./models/shipping-profile.ts"

/** The generated CRUD of every model of the module, unchecked; the service puts checks in front of some of it. */
export const GeneratedCrud = ModuleService({
  FulfillmentSet,
  ServiceZone,
  GeoZone,
  ShippingProfile,
  ShippingOption,
  ShippingOptionType,
  ShippingOptionRule,
  FulfillmentProvider,
  Fulfillment,
  FulfillmentItem,
  FulfillmentLabel,
  FulfillmentAddress,
})
export type GeneratedCrud = InstanceType<typeof GeneratedCrud>
