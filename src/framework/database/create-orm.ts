import { MikroORM } from "@mikro-orm/postgresql"
import type { EntitySchema } from "@mikro-orm/core"

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
    // See PLAN_GENERICALLY.
    driverOptions: { options: PLAN_GENERICALLY },
  })
}

/**
 * Agora's named statements (Query's reads, the workflow engine's records, locks, the outbox) are key
 * lookups and small writes whose best plan does not depend on the values. PostgreSQL's default
 * plans each one afresh on its first five runs per connection, and for ever when it guesses a
 * generic plan dearer; planning then costs more than running. Unnamed statements (the ORM's own)
 * are planned with their values either way. A startup option of each connection: a statement run
 * as the connection opens would race its first query (which `pg` warns about).
 */
const PLAN_GENERICALLY = "-c plan_cache_mode=force_generic_plan"
