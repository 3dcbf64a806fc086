import type { Database } from "../../database/database.ts"
import { AgoraError } from "../../errors/index.ts"
import type { AnyModel } from "../model/index.ts"
import { missingRowsOf, updateRowsStatement, updateStatement } from "./update-statements.ts"
import type { RowChanges } from "./update-statements.ts"

type Row = Record<string, unknown>
type Written = { rows: Row[]; missing: string[] }

/**
 * Updates rows by id, answering them as written in the order given; fails with not_found, writing
 * nothing, when an id names no row (or a soft-deleted one). One statement for them all, unless they
 * update a row twice: then a statement per group, in order, in one transaction.
 */
export async function updateRowsById(database: Database, model: AnyModel, label: string, rows: RowChanges[], now: Date): Promise<Row[]> {
  if (rows.length === 0) return []
  const groups = statementGroups(rows)
  if (groups.length === 1 && !database.inTransaction()) {
    try {
      return found(label, await write(database, model, rows, now, true))
    } catch (error) {
      const missing = missingRowsOf(error)
      throw missing ? notFound(label, missing.map((i) => rows[i]?.id)) : error
    }
  }
  // In a transaction a missing row fails in JS once the others are written: an error raised by
  // PostgreSQL would abort the caller's transaction, where a thrown not_found leaves it usable.
  return database.transaction(async () => {
    const all: Written = { rows: [], missing: [] }
    for (const group of groups) {
      const { rows: written, missing } = await write(database, model, group, now, false)
      all.rows.push(...written)
      all.missing.push(...missing)
    }
    return found(label, all)
  })
}

async function write(database: Database, model: AnyModel, rows: RowChanges[], now: Date, failWhenMissing: boolean): Promise<Written> {
  if (rows.length === 1) {
    const [{ id, changes }] = rows as [RowChanges]
    const { sql, params } = updateStatement(model, id, changes, now)
    const [row] = await database.execute<Row>(sql, params)
    return row ? { rows: [row], missing: [] } : { rows: [], missing: [id] }
  }
  const { sql, params } = updateRowsStatement(model, rows, now, failWhenMissing)
  const byIndex = new Map<number, Row>()
  for (const { __row, ...row } of await database.execute<Row>(sql, params)) byIndex.set(Number(__row), row)
  const written: Written = { rows: [], missing: [] }
  rows.forEach(({ id }, i) => {
    const row = byIndex.get(i)
    if (row) written.rows.push(row)
    else written.missing.push(id)
  })
  return written
}

/** Rows in order, in groups that update each row once: a statement that updates a row twice keeps only one update. */
function statementGroups(rows: RowChanges[]): RowChanges[][] {
  const groups: RowChanges[][] = []
  let ids = new Set<string>()
  for (const row of rows) {
    if (groups.length === 0 || ids.has(row.id)) {
      groups.push([])
      ids = new Set()
    }
    groups.at(-1)?.push(row)
    ids.add(row.id)
  }
  return groups
}

function found(label: string, { rows, missing }: Written): Row[] {
  if (missing.length > 0) throw notFound(label, missing)
  return rows
}

function notFound(label: string, ids: unknown[]): AgoraError {
  return new AgoraError(AgoraError.Types.NOT_FOUND, `${label} with id: ${ids.join(", ")} was not found`)
}
