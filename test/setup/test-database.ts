import { randomBytes } from "node:crypto"
import pg from "pg"
import { inject } from "vitest"

export type TestDatabase = { url: string; name: string; drop(): Promise<void> }

/** A fresh, empty database of this run's server, dropped by `drop()` (and by the run's teardown). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject("databaseAdminUrl")
  const name = `${inject("testRunPrefix")}_${randomBytes(4).toString("hex")}`
  await withAdminClient(adminUrl, (client) => client.query(`create database "${name}"`))
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    name,
    drop: async () => {
      await withAdminClient(adminUrl, (client) => client.query(`drop database if exists "${name}" with (force)`))
    },
  }
}

async function withAdminClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}
