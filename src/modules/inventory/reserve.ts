import type { Database } from "../../framework/database/index.ts"
import { generateId } from "../../framework/modules/index.ts"
import { byLevel, described, reservationRefused } from "./level-quantities.ts"
import type { LevelChange } from "./level-quantities.ts"
import { requiredId, wholeNumber } from "./quantities.ts"
import type { CreateReservationItemInput, ReservationItemRow } from "./types.ts"

type LevelState = { position: number; sku: string | null; item_found: boolean; stocked: number | null; reserved: number | null }

/**
 * One statement holds stock for every line or for none. It locks the levels it needs, in the fixed
 * order every multi-level change uses (item id, then location id, compared as bytes, as `byLevel`
 * sorts them), and reads them as locked: their latest values, which no one can change until the
 * statement ends. Only when every level is there and covers its (summed) quantity does it raise them
 * and insert the reservations; an UPDATE of a row changed since the statement began works on its
 * latest version. When it refuses, it answers the state of the levels, which names the reason.
 */
function reserveStatement(levels: number, rows: number): string {
  const tuples = (count: number, tuple: string) => Array.from({ length: count }, () => tuple).join(", ")
  return `with wanted (position, inventory_item_id, location_id, quantity, checked) as (
      values ${tuples(levels, "(?::integer, ?::text, ?::text, ?::integer, ?::boolean)")}),
    locked as (
      select l.id, l.inventory_item_id, l.location_id, l.stocked_quantity, l.reserved_quantity
      from inventory_level l join wanted w on l.inventory_item_id = w.inventory_item_id and l.location_id = w.location_id
      where l.deleted_at is null
      order by l.inventory_item_id collate "C", l.location_id collate "C"
      for update of l),
    verdict as (
      select bool_and(k.id is not null and (not w.checked or k.stocked_quantity - k.reserved_quantity >= w.quantity)) as ok
      from wanted w left join locked k on k.inventory_item_id = w.inventory_item_id and k.location_id = w.location_id),
    raised as (
      update inventory_level l set reserved_quantity = l.reserved_quantity + w.quantity, updated_at = now()
      from locked k join wanted w on k.inventory_item_id = w.inventory_item_id and k.location_id = w.location_id, verdict v
      where l.id = k.id and v.ok),
    held as (
      insert into reservation_item (id, inventory_item_id, location_id, quantity, line_item_id, allow_backorder, description,
        external_id, created_by, metadata, created_at, updated_at, deleted_at)
      select r.* from (values ${tuples(
        rows,
        "(?::text, ?::text, ?::text, ?::integer, ?::text, ?::boolean, ?::text, ?::text, ?::text, ?::jsonb, ?::timestamptz, ?::timestamptz, null::timestamptz)",
      )}) r, verdict v where v.ok)
    select w.position, i.sku, i.id is not null as item_found, k.stocked_quantity as stocked, k.reserved_quantity as reserved
    from wanted w cross join verdict v
    left join locked k on k.inventory_item_id = w.inventory_item_id and k.location_id = w.location_id
    left join inventory_item i on i.id = w.inventory_item_id and i.deleted_at is null
    where not v.ok order by w.position`
}

/**
 * Holds stock for every line, or for none, in one statement (see `reserveStatement`); refused with
 * not_allowed (code insufficient_inventory) naming the first level, in lock order, that falls short.
 */
export async function reserveStock(database: Database, items: CreateReservationItemInput[]): Promise<ReservationItemRow[]> {
  if (items.length === 0) return []
  const now = new Date()
  const rows = items.map((item): ReservationItemRow => {
    const inventory_item_id = requiredId(item.inventory_item_id, "inventory_item_id of a reservation")
    const location_id = requiredId(item.location_id, `location_id of the reservation of item ${inventory_item_id}`)
    const where = `item ${inventory_item_id} at location ${location_id}`
    return {
      id: item.id ?? generateId("resitem"),
      inventory_item_id,
      location_id,
      quantity: wholeNumber(item.quantity, `quantity of the reservation of ${where}`, 1),
      line_item_id: item.line_item_id ?? null,
      allow_backorder: item.allow_backorder ?? false,
      description: item.description ?? null,
      external_id: item.external_id ?? null,
      created_by: item.created_by ?? null,
      metadata: item.metadata ?? null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    }
  })
  const levels = byLevel(rows.map((row) => ({ ...row, checked: !row.allow_backorder })))
  const refused = await database.execute<LevelState>(reserveStatement(levels.length, rows.length), [
    ...levels.flatMap((level, position) => [position, level.inventory_item_id, level.location_id, level.quantity, level.checked]),
    ...rows.flatMap((row) => [
      row.id,
      row.inventory_item_id,
      row.location_id,
      row.quantity,
      row.line_item_id,
      row.allow_backorder,
      row.description,
      row.external_id,
      row.created_by,
      row.metadata === null ? null : JSON.stringify(row.metadata),
      now.toISOString(),
      now.toISOString(),
    ]),
  ])
  if (refused.length === 0) return rows
  for (const state of refused) {
    const level = levels[state.position]
    if (!level || covers(level, state)) continue
    throw reservationRefused(level, described(level.inventory_item_id, state.item_found ? state : undefined))
  }
  throw new Error("The reservation was refused, yet every level covers it")
}

function covers(level: LevelChange, state: LevelState): boolean {
  if (state.stocked === null || state.reserved === null) return false
  return !level.checked || state.stocked - state.reserved >= level.quantity
}
