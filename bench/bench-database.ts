import { randomBytes } from "node:crypto"
import path from "node:path"
import pg from "pg"
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../src/framework/database/index.ts"

export type BenchDatabase = {
  /** The URL of the bench's own, fresh database. */
  readonly url: string
  /** "DATABASE_URL" or "embedded PostgreSQL", for the report. */
  readonly server: string
  /** Runs `close` first when cleaning up (an app or pool on the database). */
  closeFirst(close: () => Promise<void>): void
  /** Closes what was registered, drops the database, stops the embedded server; once, whatever failed. */
  cleanUp(): Promise<void>
}

/**
 * A fresh database for one benchmark: created on DATABASE_URL's server when set, else on an
 * embedded PostgreSQL of the bench's own (`.agora/<dataDirName>`, `port`), whose databases left by
 * an interrupted run are dropped first. SIGINT/SIGTERM clean up too.
 */
export async function openBenchDatabase(options: { prefix: string; dataDirName: string; port: number }): Promise<BenchDatabase> {
  const external = process.env.DATABASE_URL
  let embedded: EmbeddedDatabase | undefined
  let adminUrl: string
  let urlFor: (database: string) => string
  if (external) {
    adminUrl = external
    urlFor = (database) => {
      const url = new URL(external)
      url.pathname = `/${database}`
      return url.toString()
    }
  } else {
    embedded = await startEmbeddedDatabase({
      dataDir: path.resolve(import.meta.dirname, "..", ".agora", options.dataDirName),
      port: options.port,
      database: "postgres",
    })
    adminUrl = embedded.urlFor("postgres")
    urlFor = embedded.urlFor
  }
  const name = `${options.prefix}${randomBytes(6).toString("hex")}`
  const closers: (() => Promise<void>)[] = []
  let cleaning: Promise<void> | undefined
  const cleanUp = () =>
    (cleaning ??= (async () => {
      for (const close of closers) await close().catch((error: unknown) => console.error("closing failed:", error))
      await withAdmin(adminUrl, (admin) => admin.query(`drop database if exists ${admin.escapeIdentifier(name)} with (force)`)).catch(
        (error: unknown) => console.error(`dropping ${name} failed:`, error),
      )
      await embedded?.stop()
    })())
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.error(`${signal}: cleaning up`)
      void cleanUp().finally(() => process.exit(130))
    })
  }
  try {
    await withAdmin(adminUrl, async (admin) => {
      if (embedded !== undefined) {
        const { rows } = await admin.query<{ datname: string }>("select datname from pg_database where datname like $1", [`${options.prefix}%`])
        for (const { datname } of rows) await admin.query(`drop database if exists ${admin.escapeIdentifier(datname)} with (force)`)
      }
      await admin.query(`create database ${admin.escapeIdentifier(name)}`)
    })
  } catch (error) {
    await cleanUp()
    throw error
  }
  return {
    url: urlFor(name),
    server: embedded === undefined ? "DATABASE_URL" : "embedded PostgreSQL",
    closeFirst: (close) => void closers.push(close),
    cleanUp,
  }
}

/** Runs `work` with a client of its own on `url`. */
export async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}
