import type { AnyModel } from "../model/index.ts"
import { returnedColumns, textArray, writeColumnsOf } from "./write-columns.ts"
import type { WriteColumn } from "./write-columns.ts"

type Row = Record<string, unknown>
type Statement = { sql: string; params: unknown[] }

/** One row to update: its id and the columns to set. */
export type RowChanges = { id: string; changes: Row }

/** The text that marks the error `updateRowsStatement` raises, followed by the indexes of the rows it found no row for. */
const MISSING_ROWS = "agora: no row to update:"

/**
 * One UPDATE of the row `id` (not soft-deleted) setting `changes` (columns only) and `updated_at`,
 * answering the row as written.
 */
export function updateStatement(model: AnyModel, id: string, changes: Row, now: Date): Statement {
  const set = writeColumnsOf(model).filter((column) => isSettable(column) && column.name in changes)
  const params = [...set.map((column) => column.encode(changes[column.name])), now.toISOString(), id]
  const assignments = [...set.map((column) => `"${column.name}" = ?::${column.cast}`), `"updated_at" = ?::timestamptz`].join(", ")
  return {
    sql: `update "${model.tableName}" set ${assignments} where "id" = ? and "deleted_at" is null returning ${returnedColumns(model)}`,
    params,
  }
}

/**
 * One statement updating several rows (each id once), answering the rows as written with `__row`,
 * the index in `rows` of the row it answers. Each column travels as one text array, unnested into
 * rows joined to the table by id, with a flag per row telling whether that row sets it: the text
 * depends only on the columns set, and its plan does not grow with the rows (a CTE per row would).
 *
 * With `failWhenMissing`, a row whose id names no row (not soft-deleted) makes the statement fail,
 * which undoes the others: outside a transaction there is nothing else to roll them back.
 * `missingRowsOf` reads the failure.
 */
export function updateRowsStatement(model: AnyModel, rows: RowChanges[], now: Date, failWhenMissing: boolean): Statement {
  const set = writeColumnsOf(model).filter((column) => isSettable(column) && rows.some((row) => column.name in row.changes))
  const params: unknown[] = [now.toISOString(), textArray(rows.map((row) => row.id))]
  for (const column of set) {
    params.push(textArray(rows.map((row) => column.encode(row.changes[column.name]))))
    params.push(textArray(rows.map((row) => column.name in row.changes)))
  }
  const assignments = set.map(
    (column, i) => `"${column.name}" = case when "row"."__set${i}" then "row"."__value${i}"::${column.cast} else "t"."${column.name}" end`,
  )
  const aliases = set.flatMap((_, i) => [`"__value${i}"`, `"__set${i}"`])
  const arrays = set.flatMap(() => ["?::text[]", "?::boolean[]"])
  const update =
    `update "${model.tableName}" as "t" set ${[...assignments, `"updated_at" = ?::timestamptz`].join(", ")}` +
    ` from unnest(${["?::text[]", ...arrays].join(", ")}) with ordinality as "row"(${[`"__id"`, ...aliases, `"__n"`].join(", ")})` +
    ` where "t"."id" = "row"."__id" and "t"."deleted_at" is null` +
    ` returning "row"."__n" - 1 as "__row", ${returnedColumns(model, "t")}`
  if (!failWhenMissing) return { sql: update, params }
  // Plain SQL has no `raise`: a text that is no integer fails the cast, and carries the missing rows' indexes.
  // The text depends on what was written, so the planner cannot fold the cast ahead of time.
  const missing = `select string_agg(n::text, ',') from generate_series(0, ?::int - 1) as n where n not in (select "__row" from "written")`
  params.push(rows.length, rows.length)
  const check = `case when (select count(*) from "written") = ?::int then true else cast('${MISSING_ROWS} ' || (${missing}) as integer) = 0 end`
  return { sql: `with "written" as (${update}) select * from "written" where ${check}`, params }
}

/** The indexes of the rows an `updateRowsStatement` failed on for want of a row to update; undefined for any other error. */
export function missingRowsOf(error: unknown): number[] | undefined {
  if (!(error instanceof Error) || (error as { code?: unknown }).code !== "22P02") return undefined
  const match = new RegExp(`${MISSING_ROWS} ([\\d,]+)`).exec(error.message)
  return match?.[1]?.split(",").map(Number)
}

function isSettable(column: WriteColumn): boolean {
  return column.name !== "id" && column.name !== "updated_at"
}
