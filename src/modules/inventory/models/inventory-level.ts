import { model } from "../../../framework/modules/index.ts"
import type { AnyModel } from "../../../framework/modules/index.ts"
import { InventoryItem } from "./inventory-item.ts"

/**
 * The stock of one item at one location. Quantities are whole units in integer columns: a count of
 * things never needs decimals, and the conditional UPDATEs that reserve stock stay exact arithmetic.
 * `reserved_quantity` moves only with reservations; `available_quantity` (stocked − reserved) is
 * computed when a level is returned.
 */
export const InventoryLevel = model
  .define("inventory_level", {
    id: model.id({ prefix: "ilev" }).primaryKey(),
    // The thunk's return type is spelled out: the item and its levels point at each other.
    inventory_item: model.belongsTo((): AnyModel => InventoryItem, { mappedBy: "location_levels" }),
    location_id: model.text().index(),
    stocked_quantity: model.number().default(0),
    reserved_quantity: model.number().default(0),
    incoming_quantity: model.number().default(0),
    metadata: model.json().nullable(),
  })
  .indexes([{ on: ["inventory_item_id", "location_id"], unique: true }])
