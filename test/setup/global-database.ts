import path from "node:path"
import pg from "pg"
import type { TestProject } from "vitest/node"
import { startEmbeddedDatabase } from "../../src/framework/database/index.ts"

declare module "vitest" {
  export interface ProvidedContext {
    /** A URL with the right to create databases: the embedded server, or TEST_DATABASE_URL. */
    databaseAdminUrl: string
    /** Every database this run creates starts with it, so teardown can drop them all. */
    testRunPrefix: string
  }
}

const EMBEDDED_TEST_PORT = Number(process.env.AGORA_TEST_DB_PORT ?? 55433)

/** Starts the database server the suite runs against, and drops this run's databases at the end. */
export default async function setup(project: TestProject) {
  const embedded = process.env.TEST_DATABASE_URL
    ? undefined
    : await startEmbeddedDatabase({
        dataDir: path.resolve(import.meta.dirname, "../../.agora/test-postgres"),
        port: EMBEDDED_TEST_PORT,
        database: "postgres",
      })
  const adminUrl = process.env.TEST_DATABASE_URL ?? embedded!.urlFor("postgres")
  const prefix = `agora_test_${Date.now().toString(36)}_${process.pid}`
  project.provide("databaseAdminUrl", adminUrl)
  project.provide("testRunPrefix", prefix)

  return async () => {
    const client = new pg.Client({ connectionString: adminUrl })
    await client.connect()
    try {
      const { rows } = await client.query<{ datname: string }>(
        "select datname from pg_database where datname like $1",
        [`${prefix}%`],
      )
      for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`)
    } finally {
      await client.end()
    }
    await embedded?.stop()
  }
}
