import type { CommerceApp } from "../cart/app.ts"

/**
 * Every row of `tables`, soft-deleted ones included, without their timestamps (a row a rollback puts
 * back keeps its id and values, not its creation time); link tables (`links`) also without ids,
 * since a link put back by a rollback is a new row. Equal before and
 * after a failed run: it left nothing behind and changed nothing.
 */
export async function tableState(t: CommerceApp, tables: string[], links: string[] = []): Promise<Record<string, string[]>> {
  const state: Record<string, string[]> = {}
  for (const table of [...tables, ...links]) {
    const strip = links.includes(table) ? ["id", "created_at", "updated_at"] : ["created_at", "updated_at"]
    const rows = await t.rows<{ row: unknown }>(`select to_jsonb(t) ${strip.map((column) => `- '${column}'`).join(" ")} as row from "${table}" t`)
    state[table] = rows.map(({ row }) => JSON.stringify(row)).sort()
  }
  return state
}
