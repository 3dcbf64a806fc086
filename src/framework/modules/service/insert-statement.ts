import type { AnyModel } from "../model/index.ts"
import type { SqlCondition } from "./types.ts"
import { textArray, writeColumnsOf } from "./write-columns.ts"

type Row = Record<string, unknown>

/**
 * One statement inserting `batches`: complete rows (ids, defaults and timestamps already set) by
 * model, parents first. Several models make one data-modifying CTE each, run in the order given;
 * a single statement is atomic, and the foreign keys between its rows are checked at its end.
 *
 * Each column travels as one text array, unnested into rows: the statement's text depends only on
 * the models, not on how many rows (one prepared statement serves every size), and it takes one
 * parameter per column however many rows there are, far below PostgreSQL's limit of 65535. A
 * missing value is written as NULL, so a required column left out fails on its NOT NULL
 * constraint, naming the column. With `onlyIf`, every insert is made under that condition, so the
 * statement writes all its rows or none, and answers how many it wrote.
 */
export function insertStatement(batches: Map<AnyModel, Row[]>, onlyIf?: SqlCondition): { sql: string; params: unknown[] } {
  const params: unknown[] = []
  const inserts = [...batches].map(([model, rows]) => insertInto(model, rows, params, onlyIf))
  if (inserts.length === 1 && onlyIf === undefined) return { sql: inserts[0] as string, params }
  const ctes = inserts.map((insert, i) => `"w${i}" as (${insert} returning 1)`)
  // Reading the CTEs in order runs them in order: parents first, so a broken parent row is the one reported.
  const reads = inserts.map((_, i) => `select 1 from "w${i}"`).join(" union all ")
  return { sql: `with ${ctes.join(", ")} select count(*)::int as "inserted" from (${reads}) as "written"`, params }
}

function insertInto(model: AnyModel, rows: Row[], params: unknown[], onlyIf: SqlCondition | undefined): string {
  const columns = writeColumnsOf(model)
  for (const column of columns) params.push(textArray(rows.map((row) => column.encode(row[column.name]))))
  const names = columns.map((column) => `"${column.name}"`).join(", ")
  const values = columns.map((column) => (column.cast === "text" ? `"${column.name}"` : `"${column.name}"::${column.cast}`)).join(", ")
  const arrays = columns.map(() => "?::text[]").join(", ")
  if (onlyIf !== undefined) params.push(...onlyIf.params)
  const where = onlyIf === undefined ? "" : ` where ${onlyIf.sql}`
  return `insert into "${model.tableName}" (${names}) select ${values} from unnest(${arrays}) as "row"(${names})${where}`
}

