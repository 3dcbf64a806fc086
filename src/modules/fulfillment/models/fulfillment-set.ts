import { model } from "../../../framework/modules/index.ts"
import type { InferEntity } from "../../../framework/modules/index.ts"
import { ServiceZone } from "./service-zone.ts"

export const FULFILLMENT_SET_TYPES = ["shipping", "pickup"] as const

/** The zones a stock location ships to (or serves for pickup); the location links to it from its own module. */
export const FulfillmentSet = model.define("fulfillment_set", {
  id: model.id({ prefix: "fuset" }).primaryKey(),
  name: model.text().unique().searchable(),
  type: model.enum(FULFILLMENT_SET_TYPES),
  metadata: model.json().nullable(),
  service_zones: model.hasMany<InferEntity<typeof ServiceZone>>(() => ServiceZone),
})
