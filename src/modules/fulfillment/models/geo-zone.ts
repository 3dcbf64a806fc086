import { model } from "../../../framework/modules/index.ts"
import type { AnyModel } from "../../../framework/modules/index.ts"
import { ServiceZone } from "./service-zone.ts"

export const GEO_ZONE_TYPES = ["country", "province", "city", "zip"] as const
export type GeoZoneType = (typeof GEO_ZONE_TYPES)[number]

/**
 * An area a service zone covers: a whole country, or narrower, a province of it, a city of that
 * province, or postal codes of that city (`postal_expression`: a code, or a prefix ending in `*`).
 */
export const GeoZone = model.define("geo_zone", {
  id: model.id({ prefix: "fgz" }).primaryKey(),
  type: model.enum(GEO_ZONE_TYPES).default("country"),
  country_code: model.text(),
  province_code: model.text().nullable(),
  city: model.text().nullable(),
  postal_expression: model.text().nullable(),
  metadata: model.json().nullable(),
  service_zone: model.belongsTo((): AnyModel => ServiceZone),
})
