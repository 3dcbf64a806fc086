import type { Database } from "../../../framework/database/index.ts"

/** Records the configured providers as enabled rows and disables the rows of providers no longer configured. */
export async function syncProviderRows(database: Database, ids: string[]): Promise<void> {
  // Outside any caller's transaction: the rows must stay even if that transaction rolls back.
  const em = database.orm.em.fork()
  const placeholders = ids.map(() => "?").join(", ")
  await em.execute(
    `insert into fulfillment_provider (id, is_enabled) values ${ids.map(() => "(?, true)").join(", ")}
     on conflict (id) do update set is_enabled = true, deleted_at = null, updated_at = now()`,
    ids,
    "run",
  )
  await em.execute(
    `update fulfillment_provider set is_enabled = false, updated_at = now() where is_enabled and id not in (${placeholders})`,
    ids,
    "run",
  )
}
