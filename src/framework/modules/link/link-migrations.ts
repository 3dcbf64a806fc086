import { existsSync, readFileSync } from "node:fs"
import path from "node:path"
import { generateMigration } from "../../database/index.ts"
import type { GeneratedMigration, MigrationSource } from "../../database/index.ts"
import type { LinkDefinition } from "./define-link.ts"
import { linkEntitySchema } from "./link-table.ts"

/** Link migrations are recorded under this key, beside the modules' keys; `agora db:generate links` writes them. */
export const LINK_MIGRATIONS_KEY = "link"

export function linkMigrationSource(linksDir: string): MigrationSource {
  return { module: LINK_MIGRATIONS_KEY, dir: path.join(linksDir, "migrations") }
}

/**
 * Writes a migration taking the link tables from the last snapshot to the current definitions.
 * Every definition counts, active or not, so leaving a module out never drops its links' tables.
 */
export function generateLinkMigration(url: string, dir: string, links: LinkDefinition[]): Promise<GeneratedMigration> {
  return generateMigration({ url, module: LINK_MIGRATIONS_KEY, dir, entities: links.map(linkEntitySchema) })
}

/** The links whose table no migration creates yet (by the snapshot that generation keeps). */
export function linksWithoutMigration(dir: string, links: LinkDefinition[]): LinkDefinition[] {
  const snapshot = path.join(dir, `.snapshot-${LINK_MIGRATIONS_KEY}.json`)
  const tables = new Set<string>()
  if (existsSync(snapshot)) {
    const parsed = JSON.parse(readFileSync(snapshot, "utf8")) as { tables?: { name?: string }[] }
    for (const table of parsed.tables ?? []) if (table.name) tables.add(table.name)
  }
  return links.filter((link) => !tables.has(link.tableName))
}
