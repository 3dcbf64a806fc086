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

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`

async function fingerprintedTables(t: CommerceApp): Promise<string[]> {
  const tables = await t.rows<{ name: string }>(
    `select table_name as name from information_schema.tables
     where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
  )
  return tables.map((table) => table.name).filter((name) => !UNFINGERPRINTED_TABLES.has(name))
}

/** A function taking the fingerprint of the tables `t`'s schema has now (the list is read once). */
export async function fingerprinter(t: CommerceApp): Promise<() => Promise<Fingerprint>> {
  const names = await fingerprintedTables(t)
  const sql = names
    .map(
      (name, index) =>
        `select ${index}::int as i, count(*)::int as count,
           coalesce(md5(string_agg(r::text, E'\\n' order by r::text)), '') as hash from ${quote(name)} r`,
    )
    .join(" union all ")
  return async () => {
    const rows = await t.rows<{ i: number; count: number; hash: string }>(sql)
    const result: Fingerprint = new Map()
    for (const row of rows) result.set(names[row.i] as string, { count: row.count, hash: row.hash })
    return result
  }
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

/**
 * A counter of row writes to the fingerprinted tables (a row trigger on each, bumping a sequence):
 * reading it costs far less than a fingerprint, so a test reads it after every request and takes a
 * fingerprint only when it moved. Sequences ignore rollbacks, so it also counts writes undone since:
 * a moved counter means "look", the fingerprint decides. The triggers live in the test's own database.
 */
export async function installWriteCounter(t: CommerceApp): Promise<() => Promise<number>> {
  await t.rows(`create sequence hostile_row_writes`)
  await t.rows(
    `create function hostile_count_row_write() returns trigger language plpgsql as
     'begin perform nextval(''hostile_row_writes''); return null; end'`,
  )
  for (const name of await fingerprintedTables(t)) {
    await t.rows(`create trigger hostile_count_row_write after insert or update or delete on ${quote(name)}
                  for each row execute function hostile_count_row_write()`)
  }
  return async () => {
    const [row] = await t.rows<{ writes: string }>(`select (last_value + case when is_called then 1 else 0 end)::text as writes from hostile_row_writes`)
    return Number(row?.writes ?? 0)
  }
}
