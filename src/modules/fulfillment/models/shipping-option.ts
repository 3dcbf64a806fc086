import { model } from "../../../framework/modules/index.ts"
import type { AnyModel, InferEntity } from "../../../framework/modules/index.ts"
import { FulfillmentProvider } from "./fulfillment-provider.ts"
import { ServiceZone } from "./service-zone.ts"
import { ShippingOptionRule } from "./shipping-option-rule.ts"
import { ShippingOptionType } from "./shipping-option-type.ts"
import { ShippingProfile } from "./shipping-profile.ts"

export const PRICE_TYPES = ["flat", "calculated"] as const

/** A way to ship a profile's goods within a service zone. Its prices are a link to a pricing price set. */
export const ShippingOption = model.define("shipping_option", {
  id: model.id({ prefix: "so" }).primaryKey(),
  name: model.text().searchable(),
  price_type: model.enum(PRICE_TYPES).default("flat"),
  /** What the provider needs to fulfill with this option (its own option id ...). */
  data: model.json().nullable(),
  metadata: model.json().nullable(),
  service_zone: model.belongsTo((): AnyModel => ServiceZone),
  shipping_profile: model.belongsTo(() => ShippingProfile),
  provider: model.belongsTo(() => FulfillmentProvider).nullable(),
  type: model.belongsTo<InferEntity<typeof ShippingOptionType>>(() => ShippingOptionType),
  rules: model.hasMany<InferEntity<typeof ShippingOptionRule>>(() => ShippingOptionRule),
})
