import { AgoraError } from "../../../framework/errors/index.ts"

/** The error for an input field: `invalid("geo_zones[0].city", "is required")`. */
export function invalid(field: string, reason: string): AgoraError {
  return new AgoraError(AgoraError.Types.INVALID_DATA, `${field} ${reason}`)
}

export function requireText(value: unknown, field: string): string {
  if (typeof value !== "string" || value.trim() === "") throw invalid(field, "is required")
  return value.trim()
}

export function requireOneOf<const Values extends readonly string[]>(value: unknown, values: Values, field: string): Values[number] {
  if (typeof value !== "string" || !values.includes(value)) {
    throw invalid(field, `must be one of ${values.join(", ")}, got ${JSON.stringify(value)}`)
  }
  return value
}

/** How messages name the i-th input: `geo_zone` for a single input, `geo_zones[2]` in a list. */
export function itemField(count: number, i: number, singular: string, plural: string): string {
  return count > 1 ? `${plural}[${i}]` : singular
}
