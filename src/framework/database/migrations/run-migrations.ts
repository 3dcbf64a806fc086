import { readdirSync, existsSync } from "node:fs"
import path from "node:path"
import { pathToFileURL } from "node:url"
import { Migration, MigrationRunner } from "@mikro-orm/migrations"
import type { MikroORM } from "@mikro-orm/postgresql"
import type { Transaction } from "@mikro-orm/core"

export type MigrationSource = {
  /** The module key the migrations belong to. */
  module: string
  /** The folder that holds the module's migration files. */
  dir: string
}

export type AppliedMigration = { module: string; name: string }

const TABLE = "agora_migrations"
// Any constant works: it only has to be the same for every Agora process sharing the database.
const MIGRATION_LOCK = 7_202_611

/** Lists migration files (`Migration*.ts`) of a folder, oldest first. */
export function migrationFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((file) => /^Migration.*\.(ts|js)$/.test(file) && !file.endsWith(".d.ts"))
    .sort()
}

/**
 * Applies every pending migration of every module, in one transaction under an advisory lock,
 * so that two processes starting together apply each migration once. A no-op when none is pending.
 */
export async function runMigrations(orm: MikroORM, sources: MigrationSource[]): Promise<AppliedMigration[]> {
  const driver = orm.em.getDriver()
  const pendingFiles = async (tx?: Transaction) => {
    const executed = await executedMigrations(orm, tx)
    return sources.flatMap((source) =>
      migrationFiles(source.dir)
        .map((file) => ({ ...source, file, name: path.parse(file).name }))
        .filter((migration) => !executed.has(`${migration.module}:${migration.name}`)),
    )
  }
  // Before the table exists nothing has run, so every file is pending; the table is created under the lock.
  if ((await pendingFiles()).length === 0) return []

  const connection = driver.getConnection()
  return connection.transactional(async (tx) => {
    await driver.execute(`select pg_advisory_xact_lock(${MIGRATION_LOCK})`, [], "run", tx)
    // Under the lock: two "create table if not exists" racing each other can both try to create it.
    await driver.execute(
      `create table if not exists "${TABLE}" ("module" text not null, "name" text not null, "executed_at" timestamptz not null default now(), primary key ("module", "name"))`,
      [],
      "run",
      tx,
    )
    const pending = await pendingFiles(tx)
    const runner = new MigrationRunner(driver, { transactional: true }, orm.config)
    runner.setMasterMigration(tx)
    for (const migration of pending) {
      const instance = await instantiate(orm, path.join(migration.dir, migration.file))
      await runner.run(instance, "up", async (inner?: Transaction) => {
        const values = [migration.module, migration.name]
        await driver.execute(`insert into "${TABLE}" ("module", "name") values (?, ?)`, values, "run", inner ?? tx)
      })
    }
    return pending.map(({ module, name }) => ({ module, name }))
  })
}

async function executedMigrations(orm: MikroORM, tx?: Transaction): Promise<Set<string>> {
  const rows = await orm.em
    .getDriver()
    .execute<{ module: string; name: string }[]>(`select "module", "name" from "${TABLE}"`, [], "all", tx)
    .catch(() => [] as { module: string; name: string }[])
  return new Set(rows.map((row) => `${row.module}:${row.name}`))
}

async function instantiate(orm: MikroORM, file: string): Promise<Migration> {
  const exported: Record<string, unknown> = await import(pathToFileURL(file).href)
  const MigrationClass = Object.values(exported).find(
    (value): value is new (...args: ConstructorParameters<typeof Migration>) => Migration =>
      typeof value === "function" && value.prototype instanceof Migration,
  )
  if (!MigrationClass) throw new Error(`${file} exports no class extending Migration`)
  return new MigrationClass(orm.em.getDriver(), orm.config)
}
