import { UniqueConstraintViolationException } from "@mikro-orm/core"
import { AgoraError } from "../../errors/index.ts"
import type { Database } from "../../database/database.ts"
import { generateId } from "../model/id.ts"
import { parseTimestamp } from "../service/to-plain.ts"
import type { LinkDefinition, LinkSide } from "./define-link.ts"
import { linkColumns } from "./link-table.ts"

export type LinkRow = Record<string, unknown>

/** A link between one record of each side, with values for the link's extra columns. */
export type LinkPair = { left: string; right: string; data: Record<string, unknown> }

/** The SQL of one link table. Every value is a parameter; every name comes from the definition. */
export class LinkTableStore {
  readonly link: LinkDefinition
  private readonly database: Database
  private readonly table: string

  constructor(link: LinkDefinition, database: Database) {
    this.link = link
    this.database = database
    this.table = `"${link.tableName}"`
  }

  /** Inserts the pairs; a pair already linked keeps its row, its extra columns updated from `data`. */
  async insert(pairs: LinkPair[]): Promise<LinkRow[]> {
    const { left, right } = this.link
    const rows: LinkRow[] = []
    // Pairs giving the same extra columns share one statement (a column left out keeps its default).
    for (const group of groupBy(pairs, (pair) => Object.keys(pair.data).sort().join(","))) {
      const extra = Object.keys(group[0]?.data ?? {})
      const columns = ["id", left.column, right.column, ...extra]
      const params: unknown[] = []
      const values = group.map((pair) => {
        params.push(generateId(this.link.idPrefix), pair.left, pair.right, ...extra.map((name) => this.toParam(name, pair.data[name])))
        return `(${columns.map(() => "?").join(", ")})`
      })
      const updates = ["updated_at = now()", ...extra.map((name) => `"${name}" = excluded."${name}"`)]
      const sql =
        `insert into ${this.table} (${columns.map((c) => `"${c}"`).join(", ")}) values ${values.join(", ")} ` +
        `on conflict ("${left.column}", "${right.column}") where "deleted_at" is null do update set ${updates.join(", ")} ` +
        `returning ${this.returning()}`
      rows.push(...(await this.run(sql, params)))
    }
    return rows
  }

  /**
   * Inserts pairs without extra columns in one statement that first checks both sides' records
   * exist: nothing is inserted, and no row returned, unless every record of `pairs` exists.
   */
  insertIfRecordsExist(pairs: LinkPair[]): Promise<LinkRow[]> {
    const { left, right } = this.link
    const params: unknown[] = []
    const values = pairs.map((pair) => {
      params.push(generateId(this.link.idPrefix), pair.left, pair.right)
      return "(?, ?, ?)"
    })
    const exist = (side: LinkSide, ids: string[]) =>
      `(select count(*) from "${side.linkable.model.tableName}" where ${inList("id", ids, params)} and "deleted_at" is null) = ${ids.length}`
    const leftIds = unique(pairs.map((pair) => pair.left))
    const rightIds = unique(pairs.map((pair) => pair.right))
    const sql =
      `insert into ${this.table} ("id", "${left.column}", "${right.column}") ` +
      `select * from (values ${values.join(", ")}) as "pair" ("id", "${left.column}", "${right.column}") ` +
      `where ${exist(left, leftIds)} and ${exist(right, rightIds)} ` +
      `on conflict ("${left.column}", "${right.column}") where "deleted_at" is null do update set updated_at = now() ` +
      `returning ${this.returning()}`
    return this.run(sql, params)
  }

  /** Hard-deletes the pairs' rows. */
  dismiss(pairs: LinkPair[]): Promise<LinkRow[]> {
    if (pairs.length === 0) return Promise.resolve([])
    const params = pairs.flatMap((pair) => [pair.left, pair.right])
    const { left, right } = this.link
    const sql =
      `delete from ${this.table} where ("${left.column}", "${right.column}") in (${pairs.map(() => "(?, ?)").join(", ")}) ` +
      `returning ${this.returning()}`
    return this.run(sql, params)
  }

  /** The rows whose sides match: each side's ids, or any id where a side has none. */
  list(leftIds: string[] | undefined, rightIds: string[] | undefined, withDeleted = false): Promise<LinkRow[]> {
    const params: unknown[] = []
    const conditions = withDeleted ? [] : [`"deleted_at" is null`]
    if (leftIds) conditions.push(inList(this.link.left.column, leftIds, params))
    if (rightIds) conditions.push(inList(this.link.right.column, rightIds, params))
    const where = conditions.length > 0 ? ` where ${conditions.join(" and ")}` : ""
    return this.run(`select ${this.returning()} from ${this.table}${where} order by "id"`, params)
  }

  /** Deletes (or soft-deletes) every link of these records of `side`; returns the rows that were live. */
  async removeFor(side: LinkSide, ids: string[], operation: "delete" | "softDelete"): Promise<LinkRow[]> {
    const params: unknown[] = []
    const match = inList(side.column, ids, params)
    if (operation === "softDelete") {
      const sql = `update ${this.table} set "deleted_at" = now() where ${match} and "deleted_at" is null returning ${this.returning()}`
      return this.run(sql, params)
    }
    const removed = await this.run(`delete from ${this.table} where ${match} returning ${this.returning()}`, params)
    return removed.filter((row) => row.deleted_at === null)
  }

  /**
   * Restores the soft-deleted links of these records of `side`, newest first, leaving out any that
   * would break a rule a live link already holds (the pair, or a one-record side). Returns them.
   */
  async restoreFor(side: LinkSide, ids: string[]): Promise<LinkRow[]> {
    const { left, right } = this.link
    const params: unknown[] = []
    const candidates = await this.run(
      `select ${this.returning()} from ${this.table} where ${inList(side.column, ids, params)} and "deleted_at" is not null order by "deleted_at" desc, "id"`,
      params,
    )
    if (candidates.length === 0) return []
    const liveParams: unknown[] = []
    const live = await this.run(
      `select "${left.column}", "${right.column}" from ${this.table} where "deleted_at" is null and (` +
        `${inList(left.column, unique(candidates.map((row) => String(row[left.column]))), liveParams)} or ` +
        `${inList(right.column, unique(candidates.map((row) => String(row[right.column]))), liveParams)})`,
      liveParams,
    )
    const taken = new Set<string>()
    const take = (row: LinkRow) => {
      const keys = [`pair:${row[left.column]}:${row[right.column]}`]
      if (!right.isList) keys.push(`left:${row[left.column]}`)
      if (!left.isList) keys.push(`right:${row[right.column]}`)
      if (keys.some((key) => taken.has(key))) return false
      for (const key of keys) taken.add(key)
      return true
    }
    live.forEach(take)
    const restored = candidates.filter(take)
    if (restored.length === 0) return []
    const updateParams: unknown[] = []
    const sql = `update ${this.table} set "deleted_at" = null, "updated_at" = now() where ${inList("id", restored.map((row) => String(row.id)), updateParams)} returning ${this.returning()}`
    return this.run(sql, updateParams)
  }

  private returning(): string {
    return linkColumns(this.link)
      .map((column) => {
        const type = this.link.extraColumns[column]?.type
        // Decimals read back as strings, as the services return them; bigint already does.
        return type === "decimal" ? `"${column}"::text as "${column}"` : `"${column}"`
      })
      .join(", ")
  }

  private toParam(name: string, value: unknown): unknown {
    const column = this.link.extraColumns[name]
    if (column?.type === "json" && value !== null && value !== undefined) return JSON.stringify(value)
    return value
  }

  private async run(sql: string, params: unknown[]): Promise<LinkRow[]> {
    try {
      const rows = await this.database.execute<LinkRow>(sql, params)
      return rows.map((row) => this.toRow(row))
    } catch (error) {
      throw this.mapError(error)
    }
  }

  private toRow(row: LinkRow): LinkRow {
    for (const [name, column] of Object.entries(this.link.extraColumns)) {
      if (column.type === "datetime") row[name] = parseTimestamp(row[name])
    }
    for (const name of ["created_at", "updated_at", "deleted_at"]) row[name] = parseTimestamp(row[name])
    return row
  }

  private mapError(error: unknown): unknown {
    if (!(error instanceof UniqueConstraintViolationException)) return error
    const detail = (error as { detail?: string }).detail
    const match = detail ? /Key \((.+)\)=\((.*)\) already exists/.exec(detail) : null
    const { left, right } = this.link
    const which = match ? `: ${match[1]} ${match[2]} is already linked` : ""
    return new AgoraError(
      AgoraError.Types.INVALID_DATA,
      `Cannot create multiple links between '${left.linkable.entity}' and '${right.linkable.entity}'${which}`,
    )
  }
}

export function inList(column: string, values: unknown[], params: unknown[]): string {
  if (values.length === 0) return "false"
  params.push(...values)
  return `"${column}" in (${values.map(() => "?").join(", ")})`
}

export function unique<T>(values: T[]): T[] {
  return [...new Set(values)]
}

function groupBy<T>(items: T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>()
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item])
  return [...groups.values()]
}
