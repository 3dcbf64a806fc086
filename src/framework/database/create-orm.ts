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
  })
}
