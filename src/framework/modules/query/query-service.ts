import { AgoraError } from "../../errors/index.ts"
import type { Database } from "../../database/database.ts"
import { compileGraph } from "./compile-graph.ts"
import type { RevivePlan } from "./compile-graph.ts"
import type { EntityGraph, GraphEntity } from "./entity-graph.ts"
import { parseFields, type Selection } from "./selection.ts"

export type GraphQuery = {
  /** A model's name (`product`, `product_variant`) or a link's entry point (`product_sales_channel`). */
  entity: string
  /** Columns and relations, dotted for nested ones: `["id", "variants.*", "brand.name"]`; all columns when omitted. */
  fields?: string[]
  /** Filters on the entity, its relations and its links: `{ status: "published", sales_channel_id: ["sc_1"] }`. */
  filters?: Record<string, unknown>
  pagination?: { take?: number; skip?: number; order?: Record<string, unknown> }
  /** Include soft-deleted records (and links). */
  withDeleted?: boolean
}

export type GraphResult<T> = { data: T[]; metadata: { count: number; take: number | undefined; skip: number } }

export type QueryGraphOptions = {
  /** Fail with not_found when `filters.id` names a record that is not found. */
  throwIfKeyNotFound?: boolean
}

/**
 * The `query` service: reads an entity with its relations and links across modules in one SQL
 * statement (see README.md). Columns come back as the module services return them.
 */
export class Query {
  private readonly entities: EntityGraph
  private readonly database: Database
  /**
   * Parsed `fields` by entity and fields: a route or step asks for the same ones on every call, and
   * the statement built for a selection is kept with it (see `compileGraph`). Bounded: emptied when full.
   */
  readonly #selections = new Map<string, Selection>()

  constructor(entities: EntityGraph, database: Database) {
    this.entities = entities
    this.database = database
  }

  async graph<T = Record<string, unknown>>(query: GraphQuery, options: QueryGraphOptions = {}): Promise<GraphResult<T>> {
    const { entity, compiled, take, skip } = this.#compile(query)
    const rows = await this.database.execute<{ row: Record<string, unknown>; __total: string | number }>(compiled.sql, compiled.params)
    const data = rows.map(({ row }) => revive(row, compiled.plan))
    let total = rows[0] ? Number(rows[0].__total) : 0
    // No row carries the total past the end of the matches, or with `take: 0`.
    if (!rows[0] && (skip > 0 || take === 0)) {
      const [counted] = await this.database.execute<{ count: number }>(compiled.countSql, compiled.countParams)
      total = Number(counted?.count ?? 0)
    }
    if (options.throwIfKeyNotFound) assertKeysFound(entity.name, query.filters?.id, data)
    return { data: data as T[], metadata: { count: total, take, skip } }
  }

  /**
   * Fails as `graph` would on the same query (an unknown entity, field, filter or order, a bad page)
   * without reading anything: a write route checks the `fields` of its answer before it writes.
   */
  check(query: GraphQuery): void {
    this.#compile(query)
  }

  #selection(entity: GraphEntity, fields: string[] | undefined): Selection {
    // Anything but a list of strings is refused by parseFields, with the reason.
    if (fields !== undefined && (!Array.isArray(fields) || fields.some((field) => typeof field !== "string"))) {
      return parseFields(this.entities, entity, fields)
    }
    const key = fields === undefined ? entity.name : `${entity.name}\0${fields.join("\u0001")}`
    let selection = this.#selections.get(key)
    if (selection === undefined) {
      selection = parseFields(this.entities, entity, fields)
      if (this.#selections.size >= MAX_SELECTIONS) this.#selections.clear()
      this.#selections.set(key, selection)
    }
    return selection
  }

  #compile(query: GraphQuery) {
    const entity = this.entities.get(query?.entity)
    if (!entity) throw new AgoraError(AgoraError.Types.INVALID_DATA, `Query has no entity '${String(query?.entity)}'`)
    const take = count("take", query.pagination?.take)
    const skip = count("skip", query.pagination?.skip) ?? 0
    const selection = this.#selection(entity, query.fields)
    const compiled = compileGraph(this.entities, selection, {
      filters: query.filters,
      order: query.pagination?.order,
      take,
      skip,
      withDeleted: query.withDeleted === true,
    })
    return { entity, compiled, take, skip }
  }
}

const MAX_SELECTIONS = 1000

function count(name: string, value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, `Pagination ${name} must be a whole number of at least 0, got ${JSON.stringify(value)}`)
  }
  return value
}

function revive(row: Record<string, unknown>, plan: RevivePlan): Record<string, unknown> {
  for (const column of plan.dates) {
    const value = row[column]
    if (typeof value === "string") row[column] = new Date(value)
  }
  for (const relation of plan.relations) {
    const value = row[relation.name]
    if (Array.isArray(value)) for (const item of value) revive(item as Record<string, unknown>, relation.plan)
    else if (value && typeof value === "object") revive(value as Record<string, unknown>, relation.plan)
  }
  return row
}

function assertKeysFound(entity: string, id: unknown, data: Record<string, unknown>[]): void {
  const wanted = typeof id === "string" ? [id] : Array.isArray(id) ? id.filter((value): value is string => typeof value === "string") : []
  const found = new Set(data.map((row) => row.id))
  const missing = wanted.filter((value) => !found.has(value))
  if (missing.length > 0) throw new AgoraError(AgoraError.Types.NOT_FOUND, `${entity} with id: ${missing.join(", ")} was not found`)
}
