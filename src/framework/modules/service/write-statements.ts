import type { AnyModel } from "../model/index.ts"
import { Property } from "../model/property.ts"
import type { PropertyKind } from "../model/property.ts"
import { Relation } from "../model/relation.ts"
import { columnsOf } from "./to-plain.ts"

type Row = Record<string, unknown>

/** Each placeholder is cast to its column's type: values of a multi-row VALUES list are otherwise typed as text. */
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

type Column = { name: string; cast: string; encode: (value: unknown) => unknown }

const columnLists = new WeakMap<AnyModel, Column[]>()
const columnNames = new WeakMap<AnyModel, Set<string>>()

/**
 * One INSERT of `rows` (complete rows: ids, defaults and timestamps already set) into the model's
 * table, with `?` placeholders. A missing value is written as NULL, so a required column left out
 * fails on its NOT NULL constraint, naming the column.
 */
export function insertStatement(model: AnyModel, rows: Row[]): { sql: string; params: unknown[] } {
  const columns = columnsFor(model)
  const params: unknown[] = []
  const tuple = `(${columns.map((column) => `?::${column.cast}`).join(", ")})`
  for (const row of rows) for (const column of columns) params.push(column.encode(row[column.name]))
  const names = columns.map((column) => `"${column.name}"`).join(", ")
  return { sql: `insert into "${model.tableName}" (${names}) values ${rows.map(() => tuple).join(", ")}`, params }
}

/**
 * One UPDATE of the row `id` (not soft-deleted) setting `changes` (columns only) and `updated_at`,
 * answering the row as written.
 */
export function updateStatement(model: AnyModel, id: string, changes: Row, now: Date): { sql: string; params: unknown[] } {
  const columns = columnsFor(model)
  const set = columns.filter((column) => column.name in changes && column.name !== "id" && column.name !== "updated_at")
  const params = [...set.map((column) => column.encode(changes[column.name])), now.toISOString(), id]
  const assignments = [...set.map((column) => `"${column.name}" = ?::${column.cast}`), `"updated_at" = ?::timestamptz`].join(", ")
  const returned = columns.map((column) => (column.cast === "numeric" ? `"${column.name}"::text` : `"${column.name}"`)).join(", ")
  return {
    sql: `update "${model.tableName}" set ${assignments} where "id" = ? and "deleted_at" is null returning ${returned}`,
    params,
  }
}

/** Whether each key of `changes` is a column `updateStatement` can set. */
export function setsColumnsOnly(model: AnyModel, changes: Row): boolean {
  let names = columnNames.get(model)
  if (names === undefined) columnNames.set(model, (names = new Set(columnsFor(model).map((column) => column.name))))
  return Object.keys(changes).every((key) => names.has(key))
}

function columnsFor(model: AnyModel): Column[] {
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

/** A text[] literal: `{"a","b \"c\""}`; the same text whether the statement is prepared or inlined. */
function arrayLiteral(values: unknown[]): string {
  const items = values.map((value) => (value === null || value === undefined ? "NULL" : `"${String(value).replace(/(["\\])/g, "\\$1")}"`))
  return `{${items.join(",")}}`
}
