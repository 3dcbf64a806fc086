import type { AnyModel } from "../model/index.ts"
import { Relation } from "../model/relation.ts"

type Row = Record<string, unknown>

const TIMESTAMPS = ["created_at", "updated_at", "deleted_at"] as const

/** The columns a model's rows carry: its properties, foreign keys and timestamps. */
export function columnsOf(model: AnyModel): string[] {
  const columns: string[] = []
  for (const [key, field] of Object.entries(model.schema)) {
    if (!(field instanceof Relation)) columns.push(key)
    else if (field.definition.kind === "belongsTo") columns.push(`${key}_id`)
  }
  return [...columns, ...TIMESTAMPS]
}

/** Columns that hold timestamps: the model's dateTime properties and the automatic ones. */
export function dateColumnsOf(model: AnyModel): string[] {
  const columns: string[] = [...TIMESTAMPS]
  for (const [key, field] of Object.entries(model.schema)) {
    if (!(field instanceof Relation) && field.definition.kind === "dateTime") columns.push(key)
  }
  return columns
}

/** PostgreSQL's timestamptz text (`2026-01-02 03:04:05.678+00`) as a Date. */
export function parseTimestamp(value: unknown): unknown {
  if (typeof value !== "string") return value
  return new Date(value.replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00"))
}

/**
 * A managed entity as a plain object: its columns, plus the relations that were loaded
 * (`relations` is the dotted list the caller asked for).
 */
export function toPlain(model: AnyModel, entity: Row, relations: string[] = [], select?: string[]): Row {
  const plain: Row = {}
  for (const column of select ?? columnsOf(model)) plain[column] = entity[column]
  for (const [name, nested] of groupRelations(relations)) {
    const relation = model.schema[name]
    if (!(relation instanceof Relation)) continue
    const target = relation.definition.target()
    const value = entity[name]
    if (relation.definition.kind === "belongsTo") {
      plain[name] = value ? toPlain(target, value as Row, nested) : null
    } else {
      const items = value ? [...(value as Iterable<Row>)] : []
      plain[name] = items.map((item) => toPlain(target, item, nested))
    }
  }
  return plain
}

/** `["variants", "variants.options", "tags"]` → variants: ["options"], tags: [] */
function groupRelations(relations: string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>()
  for (const path of relations) {
    const [head, ...rest] = path.split(".")
    if (!head) continue
    const nested = groups.get(head) ?? []
    if (rest.length > 0) nested.push(rest.join("."))
    groups.set(head, nested)
  }
  return groups
}
