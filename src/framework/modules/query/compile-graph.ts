import { AgoraError } from "../../errors/index.ts"
import type { EntityGraph, GraphEntity, GraphRelation } from "./entity-graph.ts"
import { pageClause } from "../service/page-clause.ts"
import { compileFilters } from "./compile-filters.ts"
import { unknownField } from "./selection.ts"
import type { Selection } from "./selection.ts"
import { Aliases, joinSource } from "./sql.ts"

/** Where the Dates are in the JSON a statement returns, so they can be revived. */
export type RevivePlan = { dates: string[]; relations: { name: string; list: boolean; plan: RevivePlan }[] }

export type CompiledGraph = {
  /** One row per record: `row` (its JSON) and `__total` (the matches ignoring take/skip). */
  sql: string
  params: unknown[]
  /** Counts the matches alone: for a page past the end, which has no row to carry the total. */
  countSql: string
  countParams: unknown[]
  plan: RevivePlan
}

export type GraphOptions = {
  filters?: unknown
  order?: unknown
  take?: number
  skip?: number
  withDeleted: boolean
}

type Order = { columns: [string, "asc" | "desc"][]; nested: Map<string, Order> }

// json_build_object takes at most 100 arguments: wider objects are built in parts and merged.
const MAX_PAIRS = 50

/**
 * Compiles a graph read to one statement that returns each record as the JSON the caller asked for:
 * relations and links become correlated subqueries (json_agg for lists), filters on them EXISTS
 * subqueries, and the total a window count. The statement count never depends on the data.
 */
export function compileGraph(graph: EntityGraph, selection: Selection, options: GraphOptions): CompiledGraph {
  const entity = selection.entity
  const aliases = new Aliases()
  const root = aliases.next()
  const filterParams: unknown[] = []
  const where = options.withDeleted ? [] : [`${root}."deleted_at" is null`]
  where.push(...compileFilters(entity, root, options.filters, { graph, aliases, params: filterParams, withDeleted: options.withDeleted }))
  const whereSql = where.length > 0 ? ` where ${where.join(" and ")}` : ""
  const order = parseOrder(graph, entity, options.order)
  const orderSql = orderBy(order, root, entity.primaryKey)

  const params = [...filterParams]
  let page = `select ${root}.*, count(*) over() as "__total" from "${entity.table}" ${root}${whereSql} order by ${orderSql}`
  page += pageClause(options, params)
  const built = rowOf(graph, selection, root, order, options.withDeleted)
  return {
    sql: statementOf(built, page, root, orderSql),
    params,
    countSql: `select count(*)::int as "count" from "${entity.table}" ${root}${whereSql}`,
    countParams: filterParams,
    plan: built.plan,
  }
}

type BuiltRow = { row: string; plan: RevivePlan; statements: Map<string, string> }

const MAX_STATEMENTS_PER_ROW = 100

/**
 * The statement around a record's JSON, kept by the rest of its text: the same read gives the same
 * string, whose hash the prepared statements' lookup then need not compute again over its whole text.
 */
function statementOf(built: BuiltRow, page: string, root: string, orderSql: string): string {
  const key = `${page}\0${orderSql}`
  let sql = built.statements.get(key)
  if (sql === undefined) {
    sql = `select ${built.row} as "row", ${root}."__total" as "__total" from (${page}) ${root} order by ${orderSql}`
    if (built.statements.size >= MAX_STATEMENTS_PER_ROW) built.statements.clear()
    built.statements.set(key, sql)
  }
  return sql
}

/**
 * The JSON of a record, built once per selection (and order of its lists): its subqueries take
 * aliases of their own (r0, r1...), so the text does not depend on the filters beside it. A
 * selection is the same object for the same fields (Query keeps them), hence the weak map.
 */
const rows = new WeakMap<Selection, Map<string, BuiltRow>>()

function rowOf(graph: EntityGraph, selection: Selection, root: string, order: Order, withDeleted: boolean): BuiltRow {
  let bySelection = rows.get(selection)
  if (bySelection === undefined) rows.set(selection, (bySelection = new Map()))
  const key = `${root}${withDeleted ? "+deleted" : ""}${order.nested.size === 0 ? "" : nestedOrderKey(order)}`
  let built = bySelection.get(key)
  if (built === undefined) {
    built = {
      row: objectOf(selection, root, order, { graph, aliases: new Aliases("r"), withDeleted }),
      plan: revivePlan(selection),
      statements: new Map(),
    }
    bySelection.set(key, built)
  }
  return built
}

function nestedOrderKey(order: Order): string {
  return JSON.stringify([...order.nested].map(([name, nested]) => [name, nested.columns, nestedOrderKey(nested)]))
}

type BuildContext = { graph: EntityGraph; aliases: Aliases; withDeleted: boolean }

function objectOf(selection: Selection, alias: string, order: Order, context: BuildContext): string {
  const pairs: string[] = []
  for (const column of selection.columns) {
    const expression = `${alias}."${column}"`
    pairs.push(`${literal(column)}, ${selection.entity.columns.get(column) === "decimal" ? `${expression}::text` : expression}`)
  }
  for (const { relation, selection: child } of selection.relations) {
    const nested = order.nested.get(relation.name) ?? { columns: [], nested: new Map() }
    pairs.push(`${literal(relation.name)}, ${relationOf(relation, child, alias, nested, context)}`)
  }
  const parts: string[] = []
  for (let i = 0; i < pairs.length; i += MAX_PAIRS) parts.push(`json_build_object(${pairs.slice(i, i + MAX_PAIRS).join(", ")})`)
  if (parts.length === 1) return parts[0] as string
  return `(${parts.map((part) => `${part}::jsonb`).join(" || ")})::json`
}

function relationOf(relation: GraphRelation, selection: Selection, parentAlias: string, order: Order, context: BuildContext): string {
  const alias = context.aliases.next()
  const source = joinSource(relation, selection.entity, parentAlias, alias, context.aliases, context.withDeleted, true)
  const object = objectOf(selection, alias, order, context)
  const where = source.where.join(" and ")
  if (!relation.list) return `(select ${object} from ${source.from} where ${where} limit 1)`
  return `(select coalesce(json_agg(${object} order by ${orderBy(order, alias, selection.entity.primaryKey)}), '[]'::json) from ${source.from} where ${where})`
}

/** `{ created_at: "DESC", variants: { title: "ASC" } }`: columns of the entity, and orders of its list relations. */
function parseOrder(graph: EntityGraph, entity: GraphEntity, order: unknown): Order {
  const parsed: Order = { columns: [], nested: new Map() }
  if (order === undefined || order === null) return parsed
  if (typeof order !== "object" || Array.isArray(order)) {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, `Order of '${entity.name}' must be an object such as { created_at: "DESC" }`)
  }
  for (const [key, value] of Object.entries(order)) {
    if (value === undefined) continue
    const relation = entity.relations.get(key)
    if (relation) {
      if (!relation.list || typeof value !== "object" || value === null) {
        throw new AgoraError(
          AgoraError.Types.INVALID_DATA,
          `Order of '${key}' must be an object of its fields, and '${key}' a list, e.g. { variants: { title: "ASC" } }`,
        )
      }
      parsed.nested.set(key, parseOrder(graph, graph.get(relation.target) as GraphEntity, value))
      continue
    }
    if (!entity.columns.has(key)) throw unknownField(entity, key)
    const direction = typeof value === "string" ? value.toLowerCase() : ""
    if (direction !== "asc" && direction !== "desc") {
      throw new AgoraError(AgoraError.Types.INVALID_DATA, `Order of '${key}' must be ASC or DESC, got ${JSON.stringify(value)}`)
    }
    parsed.columns.push([key, direction])
  }
  return parsed
}

function orderBy(order: Order, alias: string, primaryKey: string): string {
  const terms = order.columns.map(([column, direction]) => `${alias}."${column}" ${direction}`)
  if (!order.columns.some(([column]) => column === primaryKey)) terms.push(`${alias}."${primaryKey}" asc`)
  return terms.join(", ")
}

function revivePlan(selection: Selection): RevivePlan {
  const dates = selection.columns.filter((column) => selection.entity.columns.get(column) === "date")
  const relations = selection.relations
    .map(({ relation, selection: child }) => ({ name: relation.name, list: relation.list, plan: revivePlan(child) }))
    .filter(({ plan }) => plan.dates.length > 0 || plan.relations.length > 0)
  return { dates, relations }
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`
}
