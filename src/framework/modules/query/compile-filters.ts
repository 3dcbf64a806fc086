import { AgoraError } from "../../errors/index.ts"
import { compileCondition } from "../service/compile-select.ts"
import { containsPattern } from "../service/to-where.ts"
import type { EntityGraph, GraphEntity, GraphRelation } from "./entity-graph.ts"
import { unknownField } from "./selection.ts"
import { joinSource } from "./sql.ts"
import type { Aliases } from "./sql.ts"

type Filters = Record<string, unknown>

export type FilterContext = { graph: EntityGraph; aliases: Aliases; params: unknown[]; withDeleted: boolean }

/**
 * The WHERE conditions of `filters` on `entity` (as `alias`). Columns take values, lists and operator
 * maps; a relation or a link takes the filters of its target, met by at least one related row
 * (`null`: by none); a link's foreign key (`sales_channel_id`) filters on the linked ids; `q` searches.
 */
export function compileFilters(entity: GraphEntity, alias: string, filters: unknown, context: FilterContext): string[] {
  if (filters === undefined || filters === null) return []
  if (typeof filters !== "object" || Array.isArray(filters)) {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, `Filters of '${entity.name}' must be an object`)
  }
  const conditions: string[] = []
  for (const [key, value] of Object.entries(expandDotted(filters as Filters))) {
    if (value === undefined) continue
    if (key === "q") conditions.push(...search(entity, alias, value, context))
    else if (key === "$and" || key === "$or") conditions.push(...combine(entity, alias, key, value, context))
    else if (entity.columns.has(key)) conditions.push(...column(`${alias}."${key}"`, key, value, context))
    else if (entity.relations.has(key)) conditions.push(related(entity.relations.get(key) as GraphRelation, alias, value, context))
    else if (entity.linkKeys.has(key)) conditions.push(linkedKey(entity, key, alias, value, context))
    else throw unknownField(entity, key)
  }
  return conditions
}

function column(expression: string, key: string, value: unknown, context: FilterContext): string[] {
  if (typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date)) {
    for (const [operator, operand] of Object.entries(value)) {
      if ((operator === "$in" || operator === "$nin") && !Array.isArray(operand)) {
        throw new AgoraError(AgoraError.Types.INVALID_DATA, `Filter ${operator} on '${key}' expects a list`)
      }
    }
  }
  try {
    return compileCondition(expression, value, context.params)
  } catch (error) {
    if (error instanceof AgoraError) throw new AgoraError(error.type, `${error.message} on '${key}'`)
    throw error
  }
}

function search(entity: GraphEntity, alias: string, value: unknown, context: FilterContext): string[] {
  if (typeof value !== "string") throw new AgoraError(AgoraError.Types.INVALID_DATA, "Filter q must be a string")
  if (entity.searchable.length === 0) return []
  const pattern = containsPattern(value)
  for (let i = 0; i < entity.searchable.length; i++) context.params.push(pattern)
  return [`(${entity.searchable.map((name) => `${alias}."${name}" ilike ?`).join(" or ")})`]
}

function combine(entity: GraphEntity, alias: string, key: "$and" | "$or", value: unknown, context: FilterContext): string[] {
  if (!Array.isArray(value)) throw new AgoraError(AgoraError.Types.INVALID_DATA, `Filter ${key} expects a list of filters`)
  const parts = value.map((inner) => {
    const conditions = compileFilters(entity, alias, inner, context)
    return conditions.length > 0 ? `(${conditions.join(" and ")})` : "true"
  })
  if (parts.length === 0) return []
  return [`(${parts.join(key === "$and" ? " and " : " or ")})`]
}

function related(relation: GraphRelation, alias: string, value: unknown, context: FilterContext): string {
  const target = context.graph.get(relation.target) as GraphEntity
  const inner = context.aliases.next()
  const source = joinSource(relation, target, alias, inner, context.aliases, context.withDeleted)
  if (value === null) return `not exists (select 1 from ${source.from} where ${source.where.join(" and ")})`
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, `Filter on relation '${relation.name}' expects an object of its fields, or null`)
  }
  const conditions = [...source.where, ...compileFilters(target, inner, value, context)]
  return `exists (select 1 from ${source.from} where ${conditions.join(" and ")})`
}

function linkedKey(entity: GraphEntity, key: string, alias: string, value: unknown, context: FilterContext): string {
  const link = entity.linkKeys.get(key)
  if (!link) throw unknownField(entity, key)
  const row = context.aliases.next()
  const where = [`${row}."${link.from}" = ${alias}."${entity.primaryKey}"`]
  if (!context.withDeleted) where.push(`${row}."deleted_at" is null`)
  if (value === null) return `not exists (select 1 from "${link.table}" ${row} where ${where.join(" and ")})`
  where.push(...column(`${row}."${link.to}"`, key, value, context))
  return `exists (select 1 from "${link.table}" ${row} where ${where.join(" and ")})`
}

/** `{ "variants.sku": "A" }` → `{ variants: { sku: "A" } }`, merged with any `variants` filter given. */
function expandDotted(filters: Filters): Filters {
  if (!Object.keys(filters).some((key) => key.includes("."))) return filters
  const expanded: Filters = {}
  for (const [key, value] of Object.entries(filters)) {
    const path = key.split(".")
    let target = expanded
    for (const segment of path.slice(0, -1)) {
      const existing = target[segment]
      const next: Filters = typeof existing === "object" && existing !== null ? { ...(existing as Filters) } : {}
      target[segment] = next
      target = next
    }
    const last = path[path.length - 1] as string
    const existing = target[last]
    target[last] =
      typeof existing === "object" && existing !== null && typeof value === "object" && value !== null && !Array.isArray(value)
        ? { ...(existing as Filters), ...(value as Filters) }
        : value
  }
  return expanded
}
