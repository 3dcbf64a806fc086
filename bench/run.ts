// npm run bench: the brands list against a bare fastify + pg route, cold start and idle memory.
// Everything runs on this machine, on 127.0.0.1, for a bounded time.
import { existsSync } from "node:fs"
import path from "node:path"
import { spawnSync } from "node:child_process"
import pg from "pg"
import { startEmbeddedDatabase } from "../src/framework/database/index.ts"
import { agoraBenchEnv, launch, load, median, residentMb } from "./lib.ts"

const ROOT = path.resolve(import.meta.dirname, "..")
const AGORA_PORT = 9101
const BARE_PORT = 9102
const BRANDS = 50
const COLD_STARTS = 5
const env = agoraBenchEnv("127.0.0.1")

const database = await startEmbeddedDatabase({
  dataDir: path.join(ROOT, ".agora", "bench-postgres"),
  port: Number(process.env.AGORA_BENCH_DB_PORT ?? 55434),
  database: "postgres",
})
const admin = new pg.Client({ connectionString: database.urlFor("postgres") })
await admin.connect()
await admin.query('drop database if exists "agora_bench" with (force)')
await admin.query('create database "agora_bench"')
await admin.end()
const DATABASE_URL = database.urlFor("agora_bench")
const agoraEnv = { ...env, DATABASE_URL, PORT: String(AGORA_PORT) }
const health = `http://127.0.0.1:${AGORA_PORT}/health`

try {
  // First start applies the migrations; the measured starts find the database initialised.
  const first = await launch(["./bin/agora.js", "start"], agoraEnv, health, ROOT)
  await first.server.stop()
  const user = spawnSync("./bin/agora.js", ["user", "-e", "bench@example.com", "-p", "bench-password"], {
    cwd: ROOT,
    env: { ...process.env, ...agoraEnv },
  })
  if (user.status !== 0) throw new Error(`creating the bench admin failed: ${user.stderr}`)

  const coldStarts: number[] = []
  for (let i = 0; i < COLD_STARTS; i++) {
    const { server, readyMs } = await launch(["./bin/agora.js", "start"], agoraEnv, health, ROOT)
    coldStarts.push(readyMs)
    await server.stop()
  }
  const embeddedColdStarts = await measureEmbeddedColdStarts()

  const { server: agora } = await launch(["./bin/agora.js", "start"], agoraEnv, health, ROOT)
  await new Promise((resolve) => setTimeout(resolve, 1500))
  const idleMb = residentMb(agora.process.pid as number)
  const token = await login()
  const headers = { authorization: `Bearer ${token}` }
  for (let i = 0; i < BRANDS; i++) {
    await fetch(`http://127.0.0.1:${AGORA_PORT}/admin/brands`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ name: `Brand ${i}`, description: `Description of brand ${i}` }),
    })
  }

  const { server: bare } = await launch([process.execPath, "bench/bare-brands-server.ts"], { DATABASE_URL, PORT: String(BARE_PORT) }, `http://127.0.0.1:${BARE_PORT}/health`, ROOT)
  const bareResult = await load(`http://127.0.0.1:${BARE_PORT}/admin/brands?limit=20`, {})
  const agoraResult = await load(`http://127.0.0.1:${AGORA_PORT}/admin/brands?limit=20`, headers)
  const afterLoadMb = residentMb(agora.process.pid as number)
  await bare.stop()
  await agora.stop()

  const ratio = agoraResult.requestsPerSecond / bareResult.requestsPerSecond
  const report = {
    brandsList: { agora: agoraResult, bare: bareResult, ratio: Number(ratio.toFixed(3)) },
    coldStartMs: { externalDatabase: Math.round(median(coldStarts)), embeddedDatabase: Math.round(median(embeddedColdStarts)) },
    residentMemoryMb: { idle: Math.round(idleMb), afterLoad: Math.round(afterLoadMb) },
  }
  console.log(JSON.stringify(report, null, 2))
  console.log(`
| measure | Agora | bare fastify + pg | target |
|---|---|---|---|
| GET /admin/brands?limit=20, req/s | ${agoraResult.requestsPerSecond} (p50 ${agoraResult.latencyP50} ms, p99 ${agoraResult.latencyP99} ms) | ${bareResult.requestsPerSecond} (p50 ${bareResult.latencyP50} ms) | ≥ 60% |
| ratio | ${(ratio * 100).toFixed(1)}% | | |
| cold start to first 200 on /health (median of ${COLD_STARTS}), database already initialised | ${report.coldStartMs.externalDatabase} ms with DATABASE_URL; ${report.coldStartMs.embeddedDatabase} ms with the embedded database | | < 1000 ms |
| idle resident memory | ${report.residentMemoryMb.idle} MB (${report.residentMemoryMb.afterLoad} MB after the load) | | < 120 MB |`)
  if (agoraResult.non2xx > 0 || bareResult.non2xx > 0) throw new Error("some benchmark requests failed")
} finally {
  await database.stop()
}

async function login(): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${AGORA_PORT}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "bench@example.com", password: "bench-password" }),
  })
  return ((await response.json()) as { token: string }).token
}

/** `npm start` as a user runs it: the embedded database (already initialised) started by the app. */
async function measureEmbeddedColdStarts(): Promise<number[]> {
  const dataDir = path.join(ROOT, ".agora", "bench-embedded")
  const embeddedEnv = { ...env, DATABASE_URL: "", AGORA_DATA_DIR: dataDir, AGORA_DB_PORT: "55435", PORT: String(AGORA_PORT) }
  const times: number[] = []
  for (let i = 0; i <= COLD_STARTS; i++) {
    const { server, readyMs } = await launch(["./bin/agora.js", "start"], embeddedEnv, health, ROOT)
    if (i > 0 || existsSync(path.join(dataDir, "data", "PG_VERSION"))) times.push(readyMs)
    await server.stop()
  }
  return times.slice(-COLD_STARTS)
}
