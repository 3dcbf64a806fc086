import type { Database } from "../../framework/database/index.ts"
import type { InventoryItemDTO, InventoryItemRow, InventoryLevelDTO, InventoryLevelRow } from "./types.ts"

/** The level with `available_quantity` (left out when its quantities were not selected). */
export function withAvailable(level: InventoryLevelRow): InventoryLevelDTO {
  const { stocked_quantity: stocked, reserved_quantity: reserved } = level
  return typeof stocked === "number" && typeof reserved === "number"
    ? { ...level, available_quantity: stocked - reserved }
    : (level as InventoryLevelDTO)
}

/** The items with the sums of their live levels (one query for all), and `available_quantity` on loaded levels. */
export async function withQuantities(database: Database, items: InventoryItemRow[]): Promise<InventoryItemDTO[]> {
  const ids = items.map((item) => item.id)
  const sums =
    ids.length === 0
      ? []
      : await database.execute<{ inventory_item_id: string; stocked: string; reserved: string }>(
          `select inventory_item_id, sum(stocked_quantity) as stocked, sum(reserved_quantity) as reserved
           from inventory_level where inventory_item_id in (${ids.map(() => "?").join(", ")}) and deleted_at is null
           group by inventory_item_id`,
          ids,
        )
  const byItem = new Map(sums.map((sum) => [sum.inventory_item_id, sum]))
  return items.map(({ location_levels, ...item }) => ({
    ...item,
    stocked_quantity: Number(byItem.get(item.id)?.stocked ?? 0),
    reserved_quantity: Number(byItem.get(item.id)?.reserved ?? 0),
    ...(location_levels ? { location_levels: location_levels.map(withAvailable) } : {}),
  }))
}

export async function withItemQuantities(database: Database, item: InventoryItemRow): Promise<InventoryItemDTO> {
  const [withSums] = await withQuantities(database, [item])
  if (!withSums) throw new Error(`Lost inventory item ${item.id} while adding its quantities`)
  return withSums
}
