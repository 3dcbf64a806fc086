import type { Logger } from "pino"
import { asValue } from "../../container/index.ts"
import type { AgoraContainer } from "../../container/index.ts"
import type { Database } from "../../database/database.ts"
import type { GeneratedMigration, MigrationSource } from "../../database/index.ts"
import type { LoadedModule } from "../load-modules.ts"
import { EntityGraph } from "../query/entity-graph.ts"
import { Query } from "../query/query-service.ts"
import { RECORD_HOOKS_KEY, RecordHooks } from "../service/record-hooks.ts"
import type { LinkDefinition } from "./define-link.ts"
import { LinkCascade } from "./link-cascade.ts"
import { generateLinkMigration, linkMigrationSource, linksWithoutMigration } from "./link-migrations.ts"
import { resolveLinks } from "./link-registry.ts"
import type { LinkRegistry } from "./link-registry.ts"
import { LinkService } from "./link-service.ts"
import { loadLinkFiles } from "./load-links.ts"
import { LinkTableStore } from "./link-table-store.ts"

/** The container keys of the link and Query services. */
export const LINK_KEY = "link"
export const QUERY_KEY = "query"

export type LinksSetUp = {
  /** Every link with a table found in the links folder, including those whose modules are not loaded. */
  definitions: LinkDefinition[]
  /** The links in use. */
  registry: LinkRegistry
  migrations: MigrationSource
  generateMigration(url: string): Promise<GeneratedMigration>
}

export type SetUpLinksOptions = {
  container: AgoraContainer
  database: Database
  modules: LoadedModule[]
  /** The folder of link files (`<root>/src/links`); its `migrations` folder holds the link tables' migrations. */
  linksDir: string
  logger: Logger
}

/**
 * Loads the links and registers `link`, `query` and the record hooks that keep links in step with
 * their records. Call it after the modules are registered and before any service is resolved.
 */
export async function setUpLinks(options: SetUpLinksOptions): Promise<LinksSetUp> {
  const { container, database, modules, logger } = options
  const { links: definitions, readOnlyLinks } = await loadLinkFiles(options.linksDir)
  const registry = resolveLinks(definitions, modules, (message) => logger.warn(message), readOnlyLinks)
  const migrations = linkMigrationSource(options.linksDir)
  for (const link of linksWithoutMigration(migrations.dir, registry.links)) {
    logger.warn(`Link ${link.label} has no migration for its table ${link.tableName}: run \`agora db:generate links\``)
  }

  const stores = new Map(registry.links.map((link) => [link, new LinkTableStore(link, database)]))
  const cascade = new LinkCascade(registry, stores, database, (key) => container.resolve(key))
  const models = modules.flatMap((m) => m.definition.models)
  const hooks = new RecordHooks()
  cascade.watch(hooks, models)
  container.register({
    [RECORD_HOOKS_KEY]: asValue(hooks),
    [LINK_KEY]: asValue(new LinkService(registry, stores, cascade, database)),
    [QUERY_KEY]: asValue(new Query(new EntityGraph(models, registry, database.orm), database)),
  })
  return {
    definitions,
    registry,
    migrations,
    generateMigration: (url) => generateLinkMigration(url, migrations.dir, definitions),
  }
}
