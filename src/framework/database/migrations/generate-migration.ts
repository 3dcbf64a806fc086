import { existsSync, mkdirSync, writeFileSync } from "node:fs"
import path from "node:path"
import type { EntitySchema } from "@mikro-orm/core"
import { Migrator } from "@mikro-orm/migrations"
import { MikroORM } from "@mikro-orm/postgresql"

export type GenerateMigrationOptions = {
  /** The database URL; the diff itself is taken against the module's snapshot, not the database. */
  url: string
  module: string
  /** The folder the migration and the module's schema snapshot are written to. */
  dir: string
  entities: EntitySchema[]
}

export type GeneratedMigration = { fileName: string; statements: string[] } | undefined

/**
 * Writes a migration with the SQL that takes the module's tables from its last snapshot to its
 * current models, and updates the snapshot. Returns undefined when nothing changed.
 */
export async function generateMigration(options: GenerateMigrationOptions): Promise<GeneratedMigration> {
  mkdirSync(options.dir, { recursive: true })
  const snapshotName = `.snapshot-${options.module}`
  const snapshotFile = path.join(options.dir, `${snapshotName}.json`)
  // An empty snapshot makes the first migration a plain diff from nothing, taken offline.
  if (!existsSync(snapshotFile)) writeFileSync(snapshotFile, JSON.stringify(EMPTY_SNAPSHOT, null, 2))

  const orm = await MikroORM.init({
    clientUrl: options.url,
    entities: options.entities,
    discovery: { warnWhenNoEntities: false },
    extensions: [Migrator],
    migrations: {
      path: options.dir,
      snapshot: true,
      snapshotName,
      emit: "ts",
      fileName: (timestamp: string) => freeFileName(options.dir, `Migration${timestamp}`),
    },
  })
  try {
    const result = await orm.migrator.create()
    if (!result.fileName) return undefined
    return { fileName: path.join(options.dir, result.fileName), statements: result.diff.up.filter(Boolean) }
  } finally {
    await orm.close(true)
  }
}

/** Names carry the second they were made in; a second migration within it must not overwrite the first. */
function freeFileName(dir: string, base: string): string {
  let name = base
  for (let n = 2; existsSync(path.join(dir, `${name}.ts`)); n++) name = `${base}_${n}`
  return name
}

const EMPTY_SNAPSHOT = { namespaces: ["public"], name: "public", tables: [], nativeEnums: {} }
