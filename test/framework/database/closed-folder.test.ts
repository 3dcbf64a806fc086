import { createHash } from "node:crypto"
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import pg from "pg"
import { afterAll, expect, test } from "vitest"
import { startEmbeddedDatabase } from "../../../src/framework/database/index.ts"
import type { EmbeddedDatabase } from "../../../src/framework/database/index.ts"
import { freePort } from "../../setup/free-port.ts"

// Only root runs PostgreSQL as another OS user; for anyone else the folder question does not arise.
const runsAsRoot = process.getuid?.() === 0

const closedDir = mkdtempSync(path.join(os.tmpdir(), "agora-closed-"))
chmodSync(closedDir, 0o700)
const dataDir = path.join(closedDir, "postgres")
const relocatedDir = path.join("/var/lib/agora", createHash("sha256").update(dataDir).digest("hex").slice(0, 16))
let database: EmbeddedDatabase | undefined

afterAll(async () => {
  await database?.stop()
  rmSync(closedDir, { recursive: true, force: true })
  rmSync(relocatedDir, { recursive: true, force: true })
}, 30_000)

test.runIf(runsAsRoot)("a project folder closed to the postgres OS user still gets its embedded database", async () => {
  const lines: string[] = []
  database = await startEmbeddedDatabase({ dataDir, port: await freePort(), database: "closed", log: (l) => lines.push(l) })

  const client = new pg.Client({ connectionString: database.url })
  await client.connect()
  const { rows } = await client.query<{ answer: number }>("select 41 + 1 as answer")
  await client.end()

  expect(rows[0]?.answer).toBe(42)
  expect(existsSync(path.join(relocatedDir, "data", "PG_VERSION"))).toBe(true)
  expect(lines.some((line) => line.includes("is closed to the postgres OS user"))).toBe(true)
}, 90_000)
