import { spawn } from "node:child_process"
import type { ChildProcess } from "node:child_process"
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { setTimeout as sleep } from "node:timers/promises"
import pg from "pg"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { startEmbeddedDatabase } from "../../../src/framework/database/index.ts"
import type { EmbeddedDatabase } from "../../../src/framework/database/index.ts"
import { freePort } from "../../setup/free-port.ts"

const REPO_ROOT = path.resolve(import.meta.dirname, "../../..")
const SCRIPT = path.join(REPO_ROOT, "test/fixtures/embedded/embedded-database-process.ts")
const CHILD_TIMEOUT_MS = 90_000

let baseDir: string
let dataDir: string
let port: number
let database: EmbeddedDatabase | undefined
const children: ChildProcess[] = []

beforeAll(async () => {
  baseDir = mkdtempSync(path.join(os.tmpdir(), "agora-embedded-"))
  chmodSync(baseDir, 0o755) // the server runs as the `postgres` OS user when tests run as root
  dataDir = path.join(baseDir, "postgres")
  port = await freePort()
})

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL")
  await database?.stop()
  // A server left behind by a failed test: stop it the way PostgreSQL likes ("fast" shutdown).
  const pid = postmasterPid()
  if (pid !== undefined && isAlive(pid)) {
    process.kill(pid, "SIGINT")
    for (let i = 0; i < 200 && isAlive(pid); i++) await sleep(50)
  }
  if (baseDir) rmSync(baseDir, { recursive: true, force: true })
}, 30_000)

// The tests run in order: the process that recovers the server in the first owns it in the next ones.
describe("the embedded PostgreSQL across processes", () => {
  let url: string
  let serverPid: number

  test("a server orphaned by a SIGKILLed owner is stopped and started afresh, its data intact", async () => {
    const owner = runChild("own")
    url = (await owner.line(/^ready (\S+)$/))[1]!
    const orphan = postmasterPid()
    expect(orphan).toBeDefined()

    owner.process.kill("SIGKILL")
    await owner.exited
    expect(isAlive(orphan!)).toBe(true) // the server outlives its owner...
    expect(await answers(url)).toBe(true) // ...and still holds the port

    database = await startEmbeddedDatabase({ dataDir, port, database: "shop" })

    expect(database.url).toBe(url)
    // Reached over the unix socket in its data folder, not TCP (a socket connection has no server address).
    expect(decodeURIComponent(new URL(url).hostname)).toBe(path.join(dataDir, "data"))
    expect(await query(url, "select inet_server_addr() is null as over_socket")).toEqual([{ over_socket: true }])
    expect(isAlive(orphan!)).toBe(false)
    serverPid = postmasterPid()!
    expect(serverPid).not.toBe(orphan)
    expect(await query(database.url, "select note from survivor")).toEqual([{ note: "written before the kill" }])
  }, 120_000)

  test("while a live process owns the server, a second start shares it, and its stop() leaves the server running", async () => {
    const sharer = runChild("share")
    const shared = (await sharer.line(/^shared (\S+)$/))[1]
    await sharer.line(/^stopped$/)
    expect(await sharer.exited).toBe(0)

    expect(shared).toBe(url)
    expect(postmasterPid()).toBe(serverPid)
    expect(await query(url, "select count(*)::int as n from survivor")).toEqual([{ n: 1 }])
  }, 60_000)

  test("stop() of the owning process stops the server and releases the folder", async () => {
    await database!.stop()
    database = undefined

    expect(isAlive(serverPid)).toBe(false)
    expect(await answers(url)).toBe(false)
    expect(existsSync(path.join(dataDir, "agora.owner"))).toBe(false)
    expect(existsSync(path.join(dataDir, "data/postmaster.pid"))).toBe(false)
  }, 30_000)
})

type Child = { process: ChildProcess; line(pattern: RegExp): Promise<RegExpMatchArray>; exited: Promise<number | null> }

/** Starts the fixture script; `line()` resolves with the first stdout line matching, or fails on exit or timeout. */
function runChild(mode: "own" | "share"): Child {
  const child = spawn(process.execPath, [SCRIPT, mode, dataDir, String(port)], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  })
  children.push(child)
  const lines: string[] = []
  let output = ""
  const waiters = new Set<() => void>()
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk
    lines.push(...chunk.split("\n").filter(Boolean))
    for (const wake of waiters) wake()
  })
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk
  })
  // "exit", not "close": the orphaned server may keep the child's pipes open.
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)))
  exited.then(() => {
    for (const wake of waiters) wake()
  })
  return {
    process: child,
    exited,
    line: (pattern) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`no line matching ${pattern} within ${CHILD_TIMEOUT_MS} ms:\n${output}`)), CHILD_TIMEOUT_MS)
        const check = () => {
          const match = lines.map((line) => pattern.exec(line)).find(Boolean)
          if (match) finish(undefined, match)
          else if (child.exitCode !== null || child.signalCode !== null) {
            finish(new Error(`the child exited (${child.exitCode ?? child.signalCode}) before printing ${pattern}:\n${output}`))
          }
        }
        const finish = (error?: Error, match?: RegExpMatchArray) => {
          clearTimeout(timer)
          waiters.delete(check)
          if (error) reject(error)
          else resolve(match!)
        }
        waiters.add(check)
        check()
      }),
  }
}

async function query(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 })
  await client.connect()
  try {
    return (await client.query(sql)).rows
  } finally {
    await client.end()
  }
}

async function answers(url: string): Promise<boolean> {
  return query(url, "select 1").then(
    () => true,
    () => false,
  )
}

function postmasterPid(): number | undefined {
  const file = path.join(dataDir ?? "", "data/postmaster.pid")
  if (!dataDir || !existsSync(file)) return undefined
  const pid = Number.parseInt(readFileSync(file, "utf8").split("\n")[0] ?? "", 10)
  return Number.isInteger(pid) ? pid : undefined
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"
  }
}

/** A port in 55500–55899 that nothing listens on right now. */
