import { AgoraError } from "../../framework/errors/index.ts"
import { requiredId, wholeNumber } from "./quantities.ts"

type LevelFields = { [field: string]: unknown }

/** A new level (on its own or inline in an item): a location, and stock counts of 0 or more. */
export function checkNewLevel(level: LevelFields, where: string): void {
  requiredId(level.location_id, `location_id of ${where}`)
  if (level.reserved_quantity !== undefined) throw reservedIsDerived(where)
  checkCounts(level, where)
}

/** A level update changes counts and metadata; what identifies the level and what reservations hold stay. */
export function checkLevelUpdate(level: LevelFields & { id: string }): void {
  const where = `inventory level ${level.id}`
  if (level.reserved_quantity !== undefined) throw reservedIsDerived(where)
  for (const field of ["inventory_item_id", "location_id"]) {
    if (level[field] !== undefined) {
      throw new AgoraError(AgoraError.Types.INVALID_DATA, `${field} of ${where} cannot be changed`)
    }
  }
  checkCounts(level, where)
}

function checkCounts(level: LevelFields, where: string): void {
  for (const field of ["stocked_quantity", "incoming_quantity"]) {
    if (level[field] !== undefined) wholeNumber(level[field], `${field} of ${where}`, 0)
  }
}

function reservedIsDerived(where: string): AgoraError {
  return new AgoraError(
    AgoraError.Types.INVALID_DATA,
    `reserved_quantity of ${where} cannot be set: it follows the reservations (reserve or release instead)`,
  )
}
