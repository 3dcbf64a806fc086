import type { AwilixContainer } from "awilix"
import { AgoraError } from "../../../framework/errors/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { checkFieldsReadable } from "../../utils/check-fields.ts"

type Row = Record<string, unknown>

const SUMS = ["reserved_quantity", "stocked_quantity"] as const
type Sum = (typeof SUMS)[number]
const LEVEL_COUNTS = ["location_levels.stocked_quantity", "location_levels.reserved_quantity"]

/** The Query fields behind requested inventory item fields, and what to compute from them. */
export type InventoryItemReadPlan = { fields: string[]; sums: Sum[]; keepLevels: boolean }

/**
 * An item's `reserved_quantity` and `stocked_quantity` (sums over its levels) and a level's
 * `available_quantity` (stocked − reserved) are computed, not stored: they are read as the levels'
 * counts. `prefix` places the item in a larger read (`inventory_item.` in a reservation).
 */
export function planInventoryItemRead(requested: string[], prefix = ""): InventoryItemReadPlan {
  const fields = new Set<string>()
  const sums = new Set<Sum>()
  let keepLevels = false
  let readCounts = false
  for (const field of requested) {
    const path = field.startsWith(prefix) ? field.slice(prefix.length) : undefined
    if (path === "reserved_quantity" || path === "stocked_quantity") {
      sums.add(path)
      readCounts = true
      continue
    }
    if (path !== undefined && (path === "location_levels" || path.startsWith("location_levels."))) {
      keepLevels = true
      if (path === "location_levels.available_quantity") {
        readCounts = true
        continue
      }
    }
    fields.add(field)
  }
  if (readCounts) for (const count of LEVEL_COUNTS) fields.add(prefix + count)
  return { fields: [...fields], sums: [...sums], keepLevels }
}

/** An item with its computed quantities; its levels only when they were asked for. */
export function shapeInventoryItem(item: Row, plan: InventoryItemReadPlan): Row {
  const { location_levels: read, ...shaped } = item
  const levels = Array.isArray(read) ? read.map((level: Row) => shapeInventoryLevel(level)) : []
  for (const sum of plan.sums) shaped[sum] = levels.reduce((total, level) => total + Number(level[sum] ?? 0), 0)
  if (plan.keepLevels && Array.isArray(read)) shaped.location_levels = levels
  return shaped
}

/** Level fields for Query: `available_quantity` is read as the counts it is computed from. */
export function planInventoryLevelRead(requested: string[]): string[] {
  if (!requested.includes("available_quantity")) return requested
  return [...new Set([...requested.filter((field) => field !== "available_quantity"), "stocked_quantity", "reserved_quantity"])]
}

/** A level with `available_quantity` (stocked − reserved) when its counts were read. */
export function shapeInventoryLevel(level: Row): Row {
  const { stocked_quantity: stocked, reserved_quantity: reserved } = level
  return typeof stocked === "number" && typeof reserved === "number" ? { ...level, available_quantity: stocked - reserved } : level
}

/** Refuses inventory item fields Query cannot read, before a write (see `checkFieldsReadable`). */
export function checkInventoryItemFields(scope: AwilixContainer, fields: string[]): void {
  checkFieldsReadable(scope, "inventory_item", planInventoryItemRead(fields).fields)
}

/** Reads one inventory item in the admin shape; not_found when there is none. */
export async function retrieveInventoryItem(scope: AwilixContainer, id: string, fields: string[]): Promise<Row> {
  const plan = planInventoryItemRead(fields)
  const { data } = await scope.resolve<Query>("query").graph({ entity: "inventory_item", fields: plan.fields, filters: { id }, pagination: { take: 1 } })
  const item = data[0]
  if (!item) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Inventory item with id: ${id} was not found`)
  return shapeInventoryItem(item, plan)
}
