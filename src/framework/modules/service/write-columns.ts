import type { AnyModel } from "../model/index.ts"
import { Property } from "../model/property.ts"
import type { PropertyKind } from "../model/property.ts"
import { Relation } from "../model/relation.ts"
import { columnsOf } from "./to-plain.ts"

type Row = Record<string, unknown>

/** A column as the write statements see it: its name, its type, and how a value of it is sent. */
export type WriteColumn = { name: string; cast: string; encode: (value: unknown) => unknown }

/** Each value is cast to its column's type: a parameter or an element of a text array is otherwise text. */
const CASTS: Record<PropertyKind, string> = {
  id: "text",
  text: "text",
  enum: "text",
  number: "integer",
  bigNumber: "numeric",
  boolean: "boolean",
  dateTime: "timestamptz",
  json: "jsonb",
  array: "text[]",
}

const columnLists = new WeakMap<AnyModel, WriteColumn[]>()
const columnNames = new WeakMap<AnyModel, Set<string>>()

/** The model's columns, in `columnsOf` order. */
export function writeColumnsOf(model: AnyModel): WriteColumn[] {
  let columns = columnLists.get(model)
  if (columns === undefined) {
    const kinds = new Map<string, PropertyKind>()
    for (const [key, field] of Object.entries(model.schema)) {
      if (field instanceof Property) kinds.set(key, field.definition.kind)
      else if (field instanceof Relation && field.definition.kind === "belongsTo") kinds.set(`${key}_id`, "text")
    }
    columns = columnsOf(model).map((name) => {
      const kind = kinds.get(name) ?? "dateTime" // the automatic timestamps
      return { name, cast: CASTS[kind], encode: encoderFor(kind) }
    })
    columnLists.set(model, columns)
  }
  return columns
}

/** Whether each key of `changes` is a column the update statements can set. */
export function setsColumnsOnly(model: AnyModel, changes: Row): boolean {
  let names = columnNames.get(model)
  if (names === undefined) columnNames.set(model, (names = new Set(writeColumnsOf(model).map((column) => column.name))))
  return Object.keys(changes).every((key) => names.has(key))
}

/** A `returning` list of every column (of `table`, when named); a numeric one as text, so that no digit is lost. */
export function returnedColumns(model: AnyModel, table?: string): string {
  const prefix = table === undefined ? "" : `"${table}".`
  return writeColumnsOf(model)
    .map((column) => (column.cast === "numeric" ? `${prefix}"${column.name}"::text` : `${prefix}"${column.name}"`))
    .join(", ")
}

/**
 * Values as one text[] literal, each as the text PostgreSQL parses into its column's type: a
 * statement sends a column of many rows as one parameter, and casts its elements.
 */
export function textArray(values: unknown[]): string {
  return arrayLiteral(values.map(asText))
}

function asText(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString()
  if (typeof value === "object" && value !== null) return JSON.stringify(value)
  return value
}

/**
 * A text[] literal: `{"a","b \"c\""}`, NULL for a missing value. The same text whether the
 * statement is prepared or inlined.
 */
function arrayLiteral(values: unknown[]): string {
  const items = values.map((value) => (value === null || value === undefined ? "NULL" : `"${String(value).replace(/(["\\])/g, "\\$1")}"`))
  return `{${items.join(",")}}`
}

function encoderFor(kind: PropertyKind): (value: unknown) => unknown {
  switch (kind) {
    case "json":
      return (value) => (value === undefined || value === null ? null : JSON.stringify(value))
    case "array":
      return (value) => (Array.isArray(value) ? arrayLiteral(value) : (value ?? null))
    case "dateTime":
      return (value) => (value instanceof Date ? value.toISOString() : (value ?? null))
    default:
      return (value) => value ?? null
  }
}
