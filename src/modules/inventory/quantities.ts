import { AgoraError } from "../../framework/errors/index.ts"

// Quantities live in integer columns (see models/inventory-level.ts).
const MAX_QUANTITY = 2_147_483_647

const RANGE_TEXT: Record<number, string> = { 0: " of 0 or more", 1: " greater than 0" }

/** `value` as a whole number of at least `min` (any sign when omitted); invalid_data naming `field` otherwise. */
export function wholeNumber(value: unknown, field: string, min = -MAX_QUANTITY): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || Math.abs(value) > MAX_QUANTITY) {
    throw new AgoraError(
      AgoraError.Types.INVALID_DATA,
      `${field} must be a whole number${RANGE_TEXT[min] ?? ""}, got ${JSON.stringify(value) ?? String(value)}`,
    )
  }
  return value
}

/** A non-empty id; invalid_data naming `field` otherwise. */
export function requiredId(value: unknown, field: string): string {
  if (typeof value !== "string" || value === "") {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, `${field} is required`)
  }
  return value
}
