import path from "node:path"
import pino from "pino"
import { createApp } from "../../../src/framework/app/index.ts"
import type { AgoraApp } from "../../../src/framework/app/index.ts"
import { validateConfig } from "../../../src/framework/config/index.ts"
import type { LinkService, Query } from "../../../src/framework/modules/index.ts"
import type { CatalogModuleService } from "../../fixtures/modules/catalog/index.ts"
import type { ChannelModuleService } from "../../fixtures/modules/channel/index.ts"
import type { LabelModuleService } from "../../fixtures/modules/label/index.ts"
import type { StockModuleService } from "../../fixtures/modules/stock/index.ts"
import { PROJECT_ROOT } from "../../setup/test-app.ts"
import { createTestDatabase } from "../../setup/test-database.ts"

export const FIXTURE_LINKS_DIR = path.resolve(import.meta.dirname, "../../fixtures/links")
export const FIXTURE_MODULES = ["catalog", "label", "channel", "stock"].map((name) => ({ resolve: `./test/fixtures/modules/${name}` }))

export type LinkApp = {
  app: AgoraApp
  catalog: CatalogModuleService
  label: LabelModuleService
  channel: ChannelModuleService
  stock: StockModuleService
  link: LinkService
  query: Query
  /** Raw rows, read past the services. */
  rows<T extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
  /** Empties every table of the fixture modules and links. */
  reset(): Promise<void>
  close(): Promise<void>
}

/** The app with the catalog, label, channel and stock fixture modules and the fixture links, migrated. */
export async function startLinkApp(
  options: { modules?: { resolve: string }[]; linksDir?: string; logger?: pino.Logger } = {},
): Promise<LinkApp> {
  const database = await createTestDatabase()
  const config = validateConfig(
    { projectConfig: { databaseUrl: database.url }, modules: options.modules ?? FIXTURE_MODULES },
    PROJECT_ROOT,
    "test",
  )
  const app = await createApp({
    rootDir: PROJECT_ROOT,
    config,
    logger: options.logger ?? pino({ level: "silent" }),
    linksDir: options.linksDir ?? FIXTURE_LINKS_DIR,
  })
  await app.migrate()
  const resolve = <T>(key: string) => app.container.resolve<T>(key)
  const rows = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => app.database.execute<T>(sql, params)
  return {
    app,
    catalog: resolve("catalog"),
    label: resolve("label"),
    channel: resolve("channel"),
    stock: resolve("stock"),
    link: resolve("link"),
    query: resolve("query"),
    rows,
    reset: async () => {
      const tables = await rows<{ tablename: string }>(
        `select tablename from pg_tables where schemaname = 'public' and tablename <> 'agora_migrations'`,
      )
      if (tables.length > 0) await rows(`truncate ${tables.map((t) => `"${t.tablename}"`).join(", ")} cascade`)
    },
    close: async () => {
      await app.close()
      await database.drop()
    },
  }
}
