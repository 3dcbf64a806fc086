import { AgoraError } from "../../errors/index.ts"
import type { AnyModel } from "../model/index.ts"
import { pageClause } from "./page-clause.ts"
import { columnsOf } from "./to-plain.ts"
import { containsPattern, searchableColumns } from "./to-where.ts"

export type SelectOptions = {
  select?: string[]
  order?: Record<string, string>
  take?: number
  skip?: number
  withDeleted?: boolean
  /** Adds `__total`: the number of matching rows, ignoring take/skip. */
  withTotal?: boolean
}

type Compiled = { sql: string; params: unknown[] }

const COMPARISONS: Record<string, string> = { $lt: "<", $lte: "<=", $gt: ">", $gte: ">=", $like: "like", $ilike: "ilike" }

/**
 * One SQL statement for a list without relations: the hot read path skips the ORM's query builder
 * and entity hydration. Every identifier comes from the model, every value is a parameter.
 */
export function compileSelect(model: AnyModel, filters: Record<string, unknown>, options: SelectOptions): Compiled {
  const columns = new Set(columnsOf(model))
  const params: unknown[] = []
  const column = (name: string) => {
    if (!columns.has(name)) throw new AgoraError(AgoraError.Types.INVALID_DATA, `${model.name} has no field ${name}`)
    return `"${name}"`
  }
  const selected = (options.select ?? [...columns]).map(column)
  if (options.withTotal) selected.push("count(*) over() as __total")

  const conditions = compileFilters(filters, column, params, model)
  if (!options.withDeleted) conditions.push(`"deleted_at" is null`)

  const order = Object.entries(options.order ?? {}).map(
    ([name, direction]) => `${column(name)} ${direction.toLowerCase() === "desc" ? "desc" : "asc"}`,
  )
  if (!("id" in (options.order ?? {}))) order.push(`"id" asc`)

  let sql = `select ${selected.join(", ")} from "${model.tableName}"`
  if (conditions.length > 0) sql += ` where ${conditions.join(" and ")}`
  sql += ` order by ${order.join(", ")}`
  sql += pageClause(options, params)
  return { sql, params }
}

function compileFilters(
  filters: Record<string, unknown>,
  column: (name: string) => string,
  params: unknown[],
  model: AnyModel,
): string[] {
  const conditions: string[] = []
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined) continue
    if (key === "q") {
      const searchable = searchableColumns(model)
      if (searchable.length === 0) continue
      const pattern = containsPattern(String(value))
      conditions.push(`(${searchable.map((name) => `${column(name)} ilike ?`).join(" or ")})`)
      for (let i = 0; i < searchable.length; i++) params.push(pattern)
    } else if (key === "$and" || key === "$or") {
      const parts = (value as Record<string, unknown>[]).map((inner) => {
        const innerConditions = compileFilters(inner, column, params, model)
        return innerConditions.length > 0 ? `(${innerConditions.join(" and ")})` : "true"
      })
      if (parts.length > 0) conditions.push(`(${parts.join(key === "$and" ? " and " : " or ")})`)
    } else {
      conditions.push(...compileCondition(column(key), value, params))
    }
  }
  return conditions
}

/** The conditions of one column filter: a value, null, a list (IN) or an operator map. */
export function compileCondition(name: string, value: unknown, params: unknown[]): string[] {
  if (value === null) return [`${name} is null`]
  if (Array.isArray(value)) return [inList(name, value, params)]
  if (typeof value !== "object" || value instanceof Date) {
    params.push(value)
    return [`${name} = ?`]
  }
  const conditions: string[] = []
  for (const [operator, operand] of Object.entries(value as Record<string, unknown>)) {
    if (operand === undefined) continue
    if (operator === "$eq") conditions.push(...compileCondition(name, operand, params))
    else if (operator === "$ne") {
      if (operand === null) conditions.push(`${name} is not null`)
      else {
        params.push(operand)
        conditions.push(`${name} is distinct from ?`)
      }
    } else if (operator === "$in") conditions.push(inList(name, operand as unknown[], params))
    else if (operator === "$nin") conditions.push(`not ${inList(name, operand as unknown[], params)}`)
    else if (operator in COMPARISONS) {
      params.push(operand)
      conditions.push(`${name} ${COMPARISONS[operator]} ?`)
    } else {
      throw new AgoraError(AgoraError.Types.INVALID_DATA, `Unknown filter operator ${operator}`)
    }
  }
  return conditions
}

function inList(name: string, values: unknown[], params: unknown[]): string {
  if (values.length === 0) return "false"
  params.push(...values)
  return `${name} in (${values.map(() => "?").join(", ")})`
}
