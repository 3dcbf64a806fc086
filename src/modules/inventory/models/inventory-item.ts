import { model } from "../../../framework/modules/index.ts"
import type { InferEntity } from "../../../framework/modules/index.ts"
import { InventoryLevel } from "./inventory-level.ts"
import { ReservationItem } from "./reservation-item.ts"

type InventoryLevelRow = InferEntity<typeof InventoryLevel>
type ReservationItemRow = InferEntity<typeof ReservationItem>

/** Something stocked: a variant points at one (or several) through a link. */
export const InventoryItem = model.define("inventory_item", {
  id: model.id({ prefix: "iitem" }).primaryKey(),
  sku: model.text().unique().searchable().nullable(),
  title: model.text().searchable().nullable(),
  description: model.text().searchable().nullable(),
  thumbnail: model.text().nullable(),
  requires_shipping: model.boolean().default(true),
  hs_code: model.text().nullable(),
  origin_country: model.text().nullable(),
  mid_code: model.text().nullable(),
  material: model.text().nullable(),
  weight: model.number().nullable(),
  length: model.number().nullable(),
  height: model.number().nullable(),
  width: model.number().nullable(),
  metadata: model.json().nullable(),
  location_levels: model.hasMany<InventoryLevelRow>(() => InventoryLevel),
  reservation_items: model.hasMany<ReservationItemRow>(() => ReservationItem),
})
