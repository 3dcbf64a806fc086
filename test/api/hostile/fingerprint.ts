import type { CommerceApp } from "../../workflows/cart/app.ts"

/**
 * Tables a refused request may legitimately write, left out of the fingerprint:
 * - `workflow_execution`, `workflow_step`: the engine records every run it starts, failed and
 *   compensated runs too (the admin's executions view and retries read them). A write route given an
 *   id that does not exist starts its workflow, whose first step refuses: the record is a log of that
 *   attempt, not a change to the store's data.
 * - `job_run`: scheduled jobs record their runs on their own clock, whatever the requests do.
 */
export const UNFINGERPRINTED_TABLES: ReadonlySet<string> = new Set(["workflow_execution", "workflow_step", "job_run"])

/** Per table of the current schema: its row count and an md5 of its rows' text, in order. */
export type Fingerprint = Map<string, { count: number; hash: string }>

export async function fingerprint(t: CommerceApp): Promise<Fingerprint> {
  const tables = await t.rows<{ name: string }>(
    `select table_name as name from information_schema.tables
     where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
  )
  const names = tables.map((table) => table.name).filter((name) => !UNFINGERPRINTED_TABLES.has(name))
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`
  const sql = names
    .map(
      (name, index) =>
        `select ${index}::int as i, count(*)::int as count,
           coalesce(md5(string_agg(r::text, E'\\n' order by r::text)), '') as hash from ${quote(name)} r`,
    )
    .join(" union all ")
  const rows = await t.rows<{ i: number; count: number; hash: string }>(sql)
  const result: Fingerprint = new Map()
  for (const row of rows) result.set(names[row.i] as string, { count: row.count, hash: row.hash })
  return result
}

/** The tables whose rows differ between two fingerprints, e.g. `cart: 3 → 4 rows`; empty when nothing changed. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const changes: string[] = []
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(name)
    const b = after.get(name)
    if (!a || !b) changes.push(`${name}: ${a ? "dropped" : "created"}`)
    else if (a.count !== b.count) changes.push(`${name}: ${a.count} → ${b.count} rows`)
    else if (a.hash !== b.hash) changes.push(`${name}: rows changed`)
  }
  return changes
}
