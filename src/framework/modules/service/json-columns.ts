import type { AnyModel } from "../model/index.ts"
import { Property } from "../model/property.ts"
import { columnsOf, dateColumnsOf } from "./to-plain.ts"

type Row = Record<string, unknown>

/**
 * A model's columns as a module's hand-written statement reads them into JSON: their names, which
 * hold timestamps (JSON carries them as ISO text), and which decimals (read as text, never as
 * lossy JSON numbers).
 */
export type JsonColumns = { names: readonly string[]; dates: ReadonlySet<string>; decimals: ReadonlySet<string> }

export function jsonColumnsOf(model: AnyModel): JsonColumns {
  const decimals = Object.entries(model.schema).flatMap(([key, field]) =>
    field instanceof Property && field.definition.kind === "bigNumber" ? [key] : [],
  )
  return { names: columnsOf(model), dates: new Set(dateColumnsOf(model)), decimals: new Set(decimals) }
}

/** A row read as JSON, its timestamps turned into Dates (in place). */
export function reviveDates(columns: JsonColumns, row: Row): Row {
  for (const name of columns.dates) {
    const value = row[name]
    if (typeof value === "string") row[name] = new Date(value)
  }
  return row
}
