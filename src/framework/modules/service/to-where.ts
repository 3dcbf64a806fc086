import type { AnyModel } from "../model/index.ts"
import { Property } from "../model/property.ts"

type Where = Record<string, unknown>

const OPERATORS = new Set(["$eq", "$ne", "$in", "$nin", "$lt", "$lte", "$gt", "$gte", "$like", "$ilike"])

/** Translates service filters into a MikroORM where clause: arrays become `$in`, `q` an `$ilike` search. */
export function toWhere(model: AnyModel, filters: Record<string, unknown> = {}): Where {
  const where: Where = {}
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined) continue
    if (key === "q") {
      const search = searchCondition(model, String(value))
      if (search) where.$and = [...((where.$and as Where[] | undefined) ?? []), search]
    } else if (key === "$and" || key === "$or") {
      where[key] = (value as Record<string, unknown>[]).map((inner) => toWhere(model, inner))
    } else if (Array.isArray(value)) {
      where[key] = { $in: value }
    } else if (isOperatorMap(value)) {
      where[key] = value
    } else {
      where[key] = value
    }
  }
  return where
}

function isOperatorMap(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    !(value instanceof Date) &&
    Object.keys(value).length > 0 &&
    Object.keys(value).every((key) => OPERATORS.has(key))
  )
}

/** An ILIKE pattern matching `text` anywhere, its wildcards escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

function searchCondition(model: AnyModel, text: string): Where | undefined {
  const pattern = containsPattern(text)
  const columns = searchableColumns(model)
  if (columns.length === 0) return undefined
  return { $or: columns.map((column) => ({ [column]: { $ilike: pattern } })) }
}

/** Text columns marked `.searchable()`, or every text column when none is. */
export function searchableColumns(model: AnyModel): string[] {
  const text: string[] = []
  const marked: string[] = []
  for (const [key, field] of Object.entries(model.schema)) {
    if (!(field instanceof Property) || field.definition.kind !== "text") continue
    text.push(key)
    if (field.definition.searchable) marked.push(key)
  }
  return marked.length > 0 ? marked : text
}
