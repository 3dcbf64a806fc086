import type { Database } from "../../framework/database/index.ts"
import { AgoraError } from "../../framework/errors/index.ts"
import { byLevel, consumeAtLevel, releaseAtLevel, reserveAtLevel } from "./level-quantities.ts"
import { requiredId, wholeNumber } from "./quantities.ts"
import type { InventoryTables } from "./tables.ts"
import type {
  ConsumedReservation,
  ConsumeReservationInput,
  ReservationItemRow,
  UpdateReservationItemInput,
} from "./types.ts"

// Lock order, everywhere: reservation rows first (by id), then levels (see byLevel). Reserving
// (reserve.ts) locks only levels; the rows it inserts are new, so no one else can hold them.

/** Deletes (or soft-deletes) the live reservations matching, giving their quantities back. Returns them as they were. */
export async function release(
  database: Database,
  tables: InventoryTables,
  match: { column: "id" | "line_item_id"; values: string[] },
  how: "delete" | "softDelete" = "delete",
): Promise<ReservationItemRow[]> {
  return database.transaction(async () => {
    const rows = await lockReservations(database, tables, match.column, match.values)
    if (rows.length === 0) return []
    const ids = rows.map((row) => row.id)
    await (how === "delete" ? tables.deleteReservationItems(ids) : tables.softDeleteReservationItems(ids))
    for (const change of byLevel(rows)) await releaseAtLevel(database, change)
    return rows
  })
}

/** Brings soft-deleted reservations back, holding their stock again (refused, all of them, if it is gone). */
export async function restore(database: Database, tables: InventoryTables, ids: string[]): Promise<void> {
  return database.transaction(async () => {
    const rows = await lockReservations(database, tables, "id", ids, { deleted: true })
    const lines = rows.map((row) => ({ ...row, checked: !row.allow_backorder }))
    for (const change of byLevel(lines)) await reserveAtLevel(database, change)
    await tables.restoreReservationItems(rows.map((row) => row.id))
  })
}

/** Changes reservations; a new quantity or location moves the reserved units between levels. */
export async function update(
  database: Database,
  tables: InventoryTables,
  items: (UpdateReservationItemInput & { id: string })[],
): Promise<ReservationItemRow[]> {
  for (const item of items) {
    requiredId(item.id, "id of a reservation update")
    if ("inventory_item_id" in item) {
      throw new AgoraError(
        AgoraError.Types.INVALID_DATA,
        `ReservationItem ${item.id}: inventory_item_id cannot be changed; release the reservation and reserve the other item`,
      )
    }
    if (item.quantity !== undefined) wholeNumber(item.quantity, `quantity of reservation ${item.id}`, 1)
    if (item.location_id !== undefined) requiredId(item.location_id, `location_id of reservation ${item.id}`)
  }
  return database.transaction(async () => {
    const current = await lockedById(database, tables, items.map((item) => item.id))
    // Each changed reservation gives back what it held and takes what it now holds; levels see the net.
    const moves: { inventory_item_id: string; location_id: string; quantity: number; checked: boolean }[] = []
    for (const item of items) {
      const before = held(current, item.id)
      const after = {
        ...before,
        quantity: item.quantity ?? before.quantity,
        location_id: item.location_id ?? before.location_id,
        allow_backorder: item.allow_backorder ?? before.allow_backorder,
      }
      current.set(item.id, after)
      moves.push({ ...before, quantity: -before.quantity, checked: false })
      moves.push({ ...after, checked: !after.allow_backorder })
    }
    for (const change of byLevel(moves)) {
      if (change.quantity > 0) await reserveAtLevel(database, change)
      else if (change.quantity < 0) await releaseAtLevel(database, { ...change, quantity: -change.quantity })
    }
    return tables.updateReservationItems(items)
  })
}

/**
 * Fulfils reservations: their units leave the stock (stocked and reserved both drop) and the
 * reservation goes, or shrinks when only part of it is consumed. All or nothing.
 */
export async function consume(
  database: Database,
  tables: InventoryTables,
  input: ConsumeReservationInput[],
): Promise<ConsumedReservation[]> {
  const wanted = input.map((entry) => (typeof entry === "string" ? { id: entry } : entry))
  const seen = new Set<string>()
  for (const { id, quantity } of wanted) {
    requiredId(id, "id of a reservation to consume")
    if (seen.has(id)) throw new AgoraError(AgoraError.Types.INVALID_DATA, `ReservationItem ${id} is listed twice`)
    seen.add(id)
    if (quantity !== undefined) wholeNumber(quantity, `quantity to consume of reservation ${id}`, 1)
  }
  return database.transaction(async () => {
    const current = await lockedById(database, tables, [...seen])
    const consumed = wanted.map(({ id, quantity }) => {
      const row = held(current, id)
      if (quantity !== undefined && quantity > row.quantity) {
        throw new AgoraError(
          AgoraError.Types.INVALID_DATA,
          `Cannot consume ${quantity} of reservation ${id}: it holds ${row.quantity}`,
        )
      }
      return { ...row, consumed_quantity: quantity ?? row.quantity }
    })
    for (const change of byLevel(consumed.map((row) => ({ ...row, quantity: row.consumed_quantity })))) {
      await consumeAtLevel(database, change)
    }
    await tables.deleteReservationItems(consumed.filter((row) => row.consumed_quantity === row.quantity).map((row) => row.id))
    const shrunk = consumed.filter((row) => row.consumed_quantity < row.quantity)
    if (shrunk.length > 0) {
      await tables.updateReservationItems(shrunk.map((row) => ({ id: row.id, quantity: row.quantity - row.consumed_quantity })))
    }
    return consumed
  })
}

/** Locks the matching reservations (live, or soft-deleted ones) in id order and reads them. */
async function lockReservations(
  database: Database,
  tables: InventoryTables,
  column: "id" | "line_item_id",
  values: string[],
  { deleted = false } = {},
): Promise<ReservationItemRow[]> {
  if (values.length === 0) return []
  const locked = await database.execute<{ id: string }>(
    `select id from reservation_item where ${column} in (${values.map(() => "?").join(", ")})
     and deleted_at is ${deleted ? "not null" : "null"} order by id for update`,
    values,
  )
  if (locked.length === 0) return []
  return tables.listReservationItems({ id: locked.map((row) => row.id) }, { withDeleted: deleted, order: { id: "ASC" } })
}

/** The locked reservations by id; not_found naming every id that is missing. */
async function lockedById(database: Database, tables: InventoryTables, ids: string[]): Promise<Map<string, ReservationItemRow>> {
  const rows = await lockReservations(database, tables, "id", [...new Set(ids)])
  const byId = new Map(rows.map((row) => [row.id, row]))
  const missing = [...new Set(ids)].filter((id) => !byId.has(id))
  if (missing.length > 0) {
    throw new AgoraError(AgoraError.Types.NOT_FOUND, `ReservationItem with id: ${missing.join(", ")} was not found`)
  }
  return byId
}

function held(rows: Map<string, ReservationItemRow>, id: string): ReservationItemRow {
  const row = rows.get(id)
  if (!row) throw new AgoraError(AgoraError.Types.NOT_FOUND, `ReservationItem with id: ${id} was not found`)
  return row
}
