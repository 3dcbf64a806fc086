import { MikroORM } from "@mikro-orm/postgresql"
import type { EntitySchema } from "@mikro-orm/core"
import type { Pool, PoolClient } from "pg"

export type OrmOptions = {
  url: string
  entities: EntitySchema[]
  debug?: boolean
  poolSize?: number
}

export async function createOrm(options: OrmOptions): Promise<MikroORM> {
  return MikroORM.init({
    clientUrl: options.url,
    entities: options.entities,
    discovery: { warnWhenNoEntities: false },
    allowGlobalContext: false,
    forceUtcTimezone: true,
    ensureDatabase: false,
    debug: options.debug ?? false,
    pool: { min: 0, max: options.poolSize ?? 10 },
    driverOptions: { onPoolCreated: planGenerically },
  })
}

/**
 * Agora's named statements (Query's reads, the workflow engine's records, locks, the outbox) are key
 * lookups and small writes whose best plan does not depend on the values. PostgreSQL's default
 * plans each one afresh on its first five runs per connection, and for ever when it guesses a
 * generic plan dearer; planning then costs more than running. Unnamed statements (the ORM's own)
 * are planned with their values either way. Set per connection as it opens (queued ahead of its
 * first statement) rather than as a startup option, which poolers such as PgBouncer refuse.
 */
function planGenerically(pool: Pool): void {
  pool.on("connect", (client: PoolClient) => {
    client.query("set plan_cache_mode = force_generic_plan").catch(() => {
      // A server without the setting (before PostgreSQL 12) plans as it always did.
    })
  })
}
