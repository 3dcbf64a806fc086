import type { Database } from "../../framework/database/index.ts"
import { AgoraError } from "../../framework/errors/index.ts"

export type LevelKey = { inventory_item_id: string; location_id: string }

/** A quantity to move at one level; `checked` when the level must hold enough for it. */
export type LevelChange = LevelKey & { quantity: number; checked: boolean }

const INSUFFICIENT_INVENTORY = "insufficient_inventory"

/**
 * Quantities summed per (item, location), in one fixed order (item id, then location id). Every
 * transaction that changes several levels takes their row locks in this order, so two of them may
 * wait for each other but can never deadlock. A level is checked unless every line waives it.
 */
export function byLevel(lines: (LevelKey & { quantity: number; checked?: boolean })[]): LevelChange[] {
  const changes = new Map<string, LevelChange>()
  for (const { inventory_item_id, location_id, quantity, checked = true } of lines) {
    const key = JSON.stringify([inventory_item_id, location_id])
    const change = changes.get(key) ?? { inventory_item_id, location_id, quantity: 0, checked: false }
    change.quantity += quantity
    change.checked ||= checked
    changes.set(key, change)
  }
  return [...changes.values()].sort(
    (a, b) => compare(a.inventory_item_id, b.inventory_item_id) || compare(a.location_id, b.location_id),
  )
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

const AT_LEVEL = "inventory_item_id = ? and location_id = ? and deleted_at is null"

/** reserved += quantity in one conditional UPDATE: only while stocked − reserved covers it, when checked. */
export async function reserveAtLevel(database: Database, change: LevelChange): Promise<void> {
  const { inventory_item_id, location_id, quantity } = change
  const guard = change.checked ? " and stocked_quantity - reserved_quantity >= ?" : ""
  const rows = await database.execute(
    `update inventory_level set reserved_quantity = reserved_quantity + ?, updated_at = now() where ${AT_LEVEL}${guard} returning id`,
    [quantity, inventory_item_id, location_id, ...(change.checked ? [quantity] : [])],
  )
  if (rows.length > 0) return
  throw reservationRefused(change, await describeLevel(database, change))
}

/** Why a level did not take a reservation: it is not stocked there, or has too little available. */
export function reservationRefused(change: LevelChange, { item, level }: DescribedLevel): AgoraError {
  const { location_id, quantity } = change
  if (!level) {
    return new AgoraError(AgoraError.Types.NOT_ALLOWED, `Item ${item} is not stocked at location ${location_id}`, INSUFFICIENT_INVENTORY)
  }
  return new AgoraError(
    AgoraError.Types.NOT_ALLOWED,
    `Not enough stock available for item ${item} at location ${location_id}: requested ${quantity}, available ${level.available}`,
    INSUFFICIENT_INVENTORY,
  )
}

/** reserved −= quantity (never below 0); a level that is gone has nothing to give back. */
export async function releaseAtLevel(database: Database, change: LevelChange): Promise<void> {
  await database.execute(
    `update inventory_level set reserved_quantity = greatest(reserved_quantity - ?, 0), updated_at = now() where ${AT_LEVEL}`,
    [change.quantity, change.inventory_item_id, change.location_id],
  )
}

/** Reserved units leave the building: stocked and reserved both drop, refused when fewer are in stock. */
export async function consumeAtLevel(database: Database, change: LevelChange): Promise<void> {
  const { inventory_item_id, location_id, quantity } = change
  const rows = await database.execute(
    `update inventory_level set stocked_quantity = stocked_quantity - ?, reserved_quantity = greatest(reserved_quantity - ?, 0), updated_at = now() where ${AT_LEVEL} and stocked_quantity >= ? returning id`,
    [quantity, quantity, inventory_item_id, location_id, quantity],
  )
  if (rows.length > 0) return
  const { item, level } = await describeLevel(database, change)
  if (!level) throw notStocked(item, location_id)
  throw new AgoraError(
    AgoraError.Types.NOT_ALLOWED,
    `Cannot fulfil ${quantity} of item ${item} at location ${location_id}: only ${level.stocked} in stock`,
  )
}

/** stocked += adjustment; refused when stock would drop below 0 (it may drop below reserved). Returns the level id. */
export async function adjustAtLevel(database: Database, change: LevelKey & { adjustment: number }): Promise<string> {
  const { inventory_item_id, location_id, adjustment } = change
  const [row] = await database.execute<{ id: string }>(
    `update inventory_level set stocked_quantity = stocked_quantity + ?, updated_at = now() where ${AT_LEVEL} and stocked_quantity + ? >= 0 returning id`,
    [adjustment, inventory_item_id, location_id, adjustment],
  )
  if (row) return row.id
  const { item, level } = await describeLevel(database, change)
  if (!level) throw notStocked(item, location_id)
  throw new AgoraError(
    AgoraError.Types.NOT_ALLOWED,
    `Cannot adjust the stocked quantity of item ${item} at location ${location_id} by ${adjustment}: only ${level.stocked} in stock`,
  )
}

function notStocked(item: string, locationId: string): AgoraError {
  return new AgoraError(AgoraError.Types.NOT_FOUND, `Item ${item} is not stocked at location ${locationId}`)
}

type LevelState = { stocked: number; available: number }

export type DescribedLevel = { item: string; level?: LevelState }

/** Names the item (its id, and sku if any) and reads the level, to explain why a change was refused. */
async function describeLevel(database: Database, key: LevelKey): Promise<DescribedLevel> {
  const [row] = await database.execute<{ sku: string | null; stocked: number | null; reserved: number | null }>(
    `select i.sku, l.stocked_quantity as stocked, l.reserved_quantity as reserved from inventory_item i
     left join inventory_level l on l.inventory_item_id = i.id and l.location_id = ? and l.deleted_at is null
     where i.id = ? and i.deleted_at is null`,
    [key.location_id, key.inventory_item_id],
  )
  return described(key.inventory_item_id, row)
}

/** The item and level as an explanation reads them; not_found when the item does not exist (no row). */
export function described(
  inventoryItemId: string,
  row: { sku: string | null; stocked: number | null; reserved: number | null } | undefined,
): DescribedLevel {
  if (!row) throw new AgoraError(AgoraError.Types.NOT_FOUND, `InventoryItem with id: ${inventoryItemId} was not found`)
  const item = `${inventoryItemId}${row.sku ? ` (sku ${row.sku})` : ""}`
  if (row.stocked === null || row.reserved === null) return { item }
  return { item, level: { stocked: row.stocked, available: row.stocked - row.reserved } }
}

/** Sums of the item's live levels at the given locations; not_found when the item does not exist. */
export async function sumLevels(
  database: Database,
  inventoryItemId: string,
  locationIds: string[],
): Promise<{ stocked: number; reserved: number }> {
  const atLocations = locationIds.length === 0 ? "false" : `l.location_id in (${locationIds.map(() => "?").join(", ")})`
  const [row] = await database.execute<{ stocked: string; reserved: string }>(
    `select coalesce(sum(l.stocked_quantity), 0) as stocked, coalesce(sum(l.reserved_quantity), 0) as reserved
     from inventory_item i left join inventory_level l on l.inventory_item_id = i.id and l.deleted_at is null and ${atLocations}
     where i.id = ? and i.deleted_at is null group by i.id`,
    [...locationIds, inventoryItemId],
  )
  if (!row) throw new AgoraError(AgoraError.Types.NOT_FOUND, `InventoryItem with id: ${inventoryItemId} was not found`)
  return { stocked: Number(row.stocked), reserved: Number(row.reserved) }
}
