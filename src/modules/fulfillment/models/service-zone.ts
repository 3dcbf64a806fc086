import { model } from "../../../framework/modules/index.ts"
import type { AnyModel, InferEntity } from "../../../framework/modules/index.ts"
import { FulfillmentSet } from "./fulfillment-set.ts"
import { GeoZone } from "./geo-zone.ts"
import { ShippingOption } from "./shipping-option.ts"

export const ServiceZone = model.define("service_zone", {
  id: model.id({ prefix: "serzo" }).primaryKey(),
  name: model.text().unique().searchable(),
  metadata: model.json().nullable(),
  fulfillment_set: model.belongsTo((): AnyModel => FulfillmentSet),
  geo_zones: model.hasMany<InferEntity<typeof GeoZone>>(() => GeoZone),
  shipping_options: model.hasMany((): AnyModel => ShippingOption),
})
