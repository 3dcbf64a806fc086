import { GEO_ZONE_TYPES } from "../models/geo-zone.ts"
import type { GeoZoneType } from "../models/geo-zone.ts"
import { invalid, requireOneOf, requireText } from "./invalid.ts"

export type GeoZoneInput = {
  id?: string
  type?: GeoZoneType
  country_code: string
  province_code?: string | null
  city?: string | null
  postal_expression?: string | null
  metadata?: Record<string, unknown> | null
}

type GeoZoneFields = "country_code" | "province_code" | "city" | "postal_expression"

// Each type narrows the one before it, so it needs that one's fields too (as in Medusa).
const REQUIRED: Record<GeoZoneType, GeoZoneFields[]> = {
  country: ["country_code"],
  province: ["country_code", "province_code"],
  city: ["country_code", "province_code", "city"],
  zip: ["country_code", "province_code", "city", "postal_expression"],
}

/** Checks a geo zone against its type and stores its country code in lower case; `field` prefixes messages. */
export function checkGeoZone<Input extends Partial<GeoZoneInput>>(input: Input, field = "geo_zone"): Input {
  const type = requireOneOf(input.type ?? "country", GEO_ZONE_TYPES, `${field}.type`)
  for (const name of REQUIRED[type]) {
    const value = input[name]
    if (typeof value !== "string" || value.trim() === "") throw invalid(`${field}.${name}`, `is required for a geo zone of type ${type}`)
  }
  const country = requireText(input.country_code, `${field}.country_code`).toLowerCase()
  if (!/^[a-z]{2}$/.test(country)) {
    throw invalid(`${field}.country_code`, `must be a two-letter ISO 3166-1 code, got ${JSON.stringify(input.country_code)}`)
  }
  return { ...input, type, country_code: country }
}

export function checkGeoZones<Input extends Partial<GeoZoneInput>>(inputs: Input[] | undefined, field: string): Input[] | undefined {
  if (inputs === undefined) return undefined
  if (!Array.isArray(inputs)) throw invalid(field, "must be a list")
  return inputs.map((input, i) => checkGeoZone(input, `${field}[${i}]`))
}
