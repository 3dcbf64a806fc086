import { model } from "../../../framework/modules/index.ts"
import type { AnyModel } from "../../../framework/modules/index.ts"
import { InventoryItem } from "./inventory-item.ts"

/** Units of an item held at a location for someone (an order line item), counted in the level's reserved_quantity. */
export const ReservationItem = model.define("reservation_item", {
  id: model.id({ prefix: "resitem" }).primaryKey(),
  inventory_item: model.belongsTo((): AnyModel => InventoryItem, { mappedBy: "reservation_items" }),
  location_id: model.text().index(),
  quantity: model.number(),
  line_item_id: model.text().nullable().index(),
  // Held even when the level has too little stock (the variant allows backorders).
  allow_backorder: model.boolean().default(false),
  description: model.text().nullable(),
  external_id: model.text().nullable(),
  created_by: model.text().nullable(),
  metadata: model.json().nullable(),
})
