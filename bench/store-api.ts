/*
 * The store API as a storefront uses it. A fresh database is seeded with `agora seed --products
 * 1000` (the CLI, as a user runs it), then Agora is started (`bin/agora.js start`, production mode)
 * and measured on two things:
 * - `GET /store/products?limit=20&region_id=<the USD region>` under autocannon (10 connections,
 *   2 s warm-up, 10 s), beside `bench/bare-store-products-server.ts`: fastify and a pg pool answering
 *   the same JSON from one hand-written statement. The two first pages are checked equal first.
 * - The checkout flow of API.md §9 over HTTP, one request after the other on one kept-alive
 *   connection (`node:http`, which costs this client half the CPU `fetch` does): create a cart with an
 *   item, add a second item, set email and shipping address, list the cart's shipping options, add
 *   the shipping method, create the payment collection and a `pp_system_default` session, complete.
 *   5 warm-up flows, then 50 (AGORA_BENCH_CHECKOUT_RUNS) measured: median and p95 of the whole
 *   flow and the median of each step, and the CPU time per flow of Agora, of PostgreSQL's processes
 *   and of this client (Linux), which a machine whose CPU is shared with others disturbs less, and
 *   the instructions retired per flow (with Linux `perf`), which it disturbs hardly at all.
 * Prints JSON. Everything runs on 127.0.0.1; the servers are stopped and the database dropped at
 * the end, also on failure, and the whole run is cut off after 5 minutes.
 * Run: `node bench/store-api.ts` (Node 24 or later).
 * With AGORA_BENCH_STORE_PROFILE=1 Agora runs with `--cpu-prof`, restarted between the two parts
 * (profiles in .agora/bench-store-profile/{products,checkout}), and the report lists its top
 * functions by self time in each part.
 *
 * Database: with DATABASE_URL set, a database `agora_bench_store_<random>` is created on that
 * server and dropped at the end; else an embedded PostgreSQL is started in .agora/bench-store-postgres
 * on port 55438 (AGORA_BENCH_STORE_DB_PORT) and stopped at the end.
 */
import assert from "node:assert/strict"
import type { ChildProcess } from "node:child_process"
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs"
import path from "node:path"
import { performance } from "node:perf_hooks"
import { openBenchDatabase, withAdmin } from "./bench-database.ts"
import { CHECKOUT_STEPS, checkoutFlow, flowTotals, type CheckoutStep } from "./checkout-flow.ts"
import { agoraBenchEnv, commandCpuMs, countInstructions, cpuMsBetween, launch, load, median, processCpuMs, runAgoraCli, sequentialClient } from "./lib.ts"
import type { LoadResult, Server } from "./lib.ts"

const ROOT = path.resolve(import.meta.dirname, "..")
const HOST = "127.0.0.1"
const AGORA_PORT = 9103
const BARE_PORT = 9104
const PRODUCTS = 1000
const PAGE = 20
const CHECKOUT_RUNS = Number(process.env.AGORA_BENCH_CHECKOUT_RUNS ?? 50)
const CHECKOUT_WARMUP_RUNS = 5
const TIME_LIMIT_MS = 5 * 60_000
const PROFILE_DIR = path.join(ROOT, ".agora", "bench-store-profile")
const profiling = process.env.AGORA_BENCH_STORE_PROFILE === "1"
const ADMIN = { email: "bench@example.com", password: "bench-password" }
const env = agoraBenchEnv(HOST)

type Json = Record<string, any>

const bench = await openBenchDatabase({
  prefix: "agora_bench_store_",
  dataDirName: "bench-store-postgres",
  port: Number(process.env.AGORA_BENCH_STORE_DB_PORT ?? 55438),
})
const children = new Set<ChildProcess>()
const servers: Server[] = []
bench.closeFirst(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM")
  for (const server of servers.splice(0)) await server.stop()
})
const deadline = setTimeout(() => {
  console.error(`store-api bench: still running after ${TIME_LIMIT_MS / 1000} s, stopping`)
  void bench.cleanUp().finally(() => process.exit(1))
}, TIME_LIMIT_MS)
deadline.unref()

try {
  const agoraEnv = { ...env, DATABASE_URL: bench.url, PORT: String(AGORA_PORT) }

  const seedStarted = performance.now()
  const seedOutput = await runAgoraCli(ROOT, ["seed", "--products", String(PRODUCTS), "--email", ADMIN.email, "--password", ADMIN.password], agoraEnv, children)
  const seedMs = performance.now() - seedStarted
  progress(`seeded ${PRODUCTS} products in ${(seedMs / 1000).toFixed(1)} s`)
  const { publishableKey, usdRegionId } = await seededStore(seedOutput)

  // Statistics for the planner, as autovacuum would have gathered them on a store that has run a while.
  await withAdmin(bench.url, (client) => client.query("analyze"))

  if (profiling) rmSync(PROFILE_DIR, { recursive: true, force: true })
  const startAgora = (part: "products" | "checkout") => {
    if (!profiling) return start(["./bin/agora.js", "start"], agoraEnv, AGORA_PORT)
    mkdirSync(path.join(PROFILE_DIR, part), { recursive: true })
    return start(["./bin/agora.js", "start"], { ...agoraEnv, NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${path.join(PROFILE_DIR, part)}` }, AGORA_PORT)
  }
  let agora = await startAgora("products")
  const bare = await start([process.execPath, "bench/bare-store-products-server.ts"], { DATABASE_URL: bench.url, PORT: String(BARE_PORT) }, BARE_PORT)

  const storeHeaders = { "x-publishable-api-key": publishableKey }
  const productsPath = `/store/products?limit=${PAGE}&region_id=${usdRegionId}`
  const agoraUrl = `http://${HOST}:${AGORA_PORT}${productsPath}`
  const bareUrl = `http://${HOST}:${BARE_PORT}${productsPath}`

  // The baseline answers what Agora answers: same page, same fields, same prices.
  const [agoraPage, barePage] = [await getJson(agoraUrl, storeHeaders), await getJson(bareUrl, storeHeaders)]
  const agoraProducts = agoraPage.json.products as Json[]
  assert.equal(agoraProducts.length, PAGE)
  assert.equal(agoraPage.json.count, PRODUCTS)
  assert.deepEqual(
    agoraProducts.map((product) => product.id),
    (barePage.json.products as Json[]).map((product) => product.id),
  )
  for (const product of agoraProducts) {
    for (const variant of product.variants as Json[]) {
      assert.equal(typeof variant.calculated_price?.calculated_amount, "number", `variant ${variant.id} has no calculated price`)
      assert.equal(variant.calculated_price.currency_code, "usd")
    }
  }
  assert.deepStrictEqual(normalize(agoraPage.json), normalize(barePage.json), "Agora and the bare route answer different pages")

  progress("first pages equal; loading the bare route, then Agora's")
  const bareResult = await load(bareUrl, storeHeaders)
  const agoraResult = await load(agoraUrl, storeHeaders)
  await bare.stop()
  progress(`checkout: ${CHECKOUT_WARMUP_RUNS} warm-up flows, then ${CHECKOUT_RUNS}`)

  if (profiling) {
    await agora.stop()
    agora = await startAgora("checkout")
  }
  const checkout = await measureCheckout(publishableKey, usdRegionId, agoraProducts, agora.process.pid)
  await agora.stop()

  const ratio = agoraResult.requestsPerSecond / bareResult.requestsPerSecond
  console.log(
    JSON.stringify(
      {
        node: process.version,
        database: bench.server,
        catalog: { products: PRODUCTS, variantsPerProduct: 3, seedMs: Math.round(seedMs) },
        storeProducts: {
          request: `GET /store/products?limit=${PAGE}&region_id=<usd region>`,
          bodyBytes: { agora: agoraPage.bytes, bare: barePage.bytes },
          agora: agoraResult,
          bare: bareResult,
          ratio: Number(ratio.toFixed(3)),
          target: "agora / bare >= 0.5",
        },
        checkout: { ...checkout, target: "median flow < 60 ms" },
        ...(profiling
          ? { profile: { products: topSelfTime(path.join(PROFILE_DIR, "products"), 20), checkout: topSelfTime(path.join(PROFILE_DIR, "checkout"), 20) } }
          : {}),
      },
      null,
      2,
    ),
  )
  if (failed(agoraResult) || failed(bareResult)) throw new Error("some benchmark requests failed")
} finally {
  clearTimeout(deadline)
  await bench.cleanUp()
}

/** Where the run is, on standard error (the report alone goes to standard output). */
function progress(message: string): void {
  console.error(`store-api bench: ${message}`)
}

function failed(result: LoadResult): boolean {
  return result.errors > 0 || result.non2xx > 0
}

/** The publishable key the seed printed (read from the database when the output changed), and the USD region. */
async function seededStore(seedOutput: string): Promise<{ publishableKey: string; usdRegionId: string }> {
  return withAdmin(bench.url, async (client) => {
    let publishableKey = /publishable key\s+(pk_\w+)/.exec(seedOutput)?.[1]
    if (publishableKey === undefined) {
      const { rows } = await client.query<{ token: string }>(
        "select token from api_key where type = 'publishable' and revoked_at is null and deleted_at is null order by created_at limit 1",
      )
      publishableKey = rows[0]?.token
    }
    const { rows } = await client.query<{ id: string }>("select id from region where currency_code = 'usd' and deleted_at is null limit 1")
    const usdRegionId = rows[0]?.id
    if (!publishableKey || !usdRegionId) throw new Error(`the seed left no publishable key or no USD region:\n${seedOutput}`)
    return { publishableKey, usdRegionId }
  })
}

/** Launches a server (stopped when the bench cleans up) and waits for its /health. */
async function start(command: string[], serverEnv: NodeJS.ProcessEnv, port: number): Promise<Server> {
  const { server } = await launch(command, serverEnv, `http://${HOST}:${port}/health`, ROOT)
  servers.push(server)
  return {
    process: server.process,
    stop: async () => {
      const index = servers.indexOf(server)
      if (index >= 0) servers.splice(index, 1)
      await server.stop()
    },
  }
}

async function getJson(url: string, headers: Record<string, string>): Promise<{ json: Json; bytes: number }> {
  const response = await fetch(url, { headers })
  const text = await response.text()
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${text.slice(0, 500)}`)
  return { json: JSON.parse(text) as Json, bytes: Buffer.byteLength(text) }
}

/** Dates and timestamp strings as one ISO form: PostgreSQL writes `+00:00` where JavaScript writes `Z`. */
function normalize(value: unknown): unknown {
  if (typeof value === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(value)) return new Date(value).toISOString()
  if (Array.isArray(value)) return value.map(normalize)
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v)]))
  return value
}

/** The checkout of API.md §9 (`checkoutFlow`), `CHECKOUT_WARMUP_RUNS` + `CHECKOUT_RUNS` times. */
async function measureCheckout(publishableKey: string, regionId: string, products: Json[], agoraPid: number | undefined) {
  const client = sequentialClient(HOST, AGORA_PORT)
  const store = { client, publishableKey, regionId, products }
  const flow = (run: number) => checkoutFlow(store, run)

  for (let run = 0; run < CHECKOUT_WARMUP_RUNS; run++) await flow(run)
  const cpu = () => {
    const own = process.cpuUsage()
    return {
      agora: agoraPid === undefined ? 0 : processCpuMs(agoraPid),
      postgres: commandCpuMs("postgres"),
      client: (own.user + own.system) / 1000,
    }
  }
  const instructions = { all: await countInstructions(), agora: agoraPid === undefined ? undefined : await countInstructions(agoraPid) }
  const cpuBefore = cpu()
  const runs: Record<CheckoutStep, number>[] = []
  for (let run = 0; run < CHECKOUT_RUNS; run++) runs.push(await flow(CHECKOUT_WARMUP_RUNS + run))
  const cpuAfter = cpu()
  client.close()
  const [allInstructions, agoraInstructions] = [await instructions.all.stop(), await instructions.agora?.stop()]
  const millionsPerFlow = (count: number | undefined) => (count === undefined ? null : Math.round(count / CHECKOUT_RUNS / 1e6))

  const totals = flowTotals(runs)
  const round = (ms: number) => Math.round(ms * 10) / 10
  return {
    warmupRuns: CHECKOUT_WARMUP_RUNS,
    runs: CHECKOUT_RUNS,
    requestsPerFlow: CHECKOUT_STEPS.length,
    flowMs: { median: round(median(totals)), p95: round(percentile(totals, 0.95)), min: round(Math.min(...totals)), max: round(Math.max(...totals)) },
    stepMedianMs: Object.fromEntries(CHECKOUT_STEPS.map((step) => [step, round(median(runs.map((times) => times[step])))])),
    stepP95Ms: Object.fromEntries(CHECKOUT_STEPS.map((step) => [step, round(percentile(runs.map((times) => times[step]), 0.95))])),
    // CPU time per flow: steadier than wall time on a machine whose CPU is shared (steal counts in neither).
    cpuMsPerFlow: {
      agora: round((cpuAfter.agora - cpuBefore.agora) / CHECKOUT_RUNS),
      postgres: round(cpuMsBetween(cpuBefore.postgres, cpuAfter.postgres) / CHECKOUT_RUNS),
      benchClient: round((cpuAfter.client - cpuBefore.client) / CHECKOUT_RUNS),
    },
    // Instructions retired per flow (Linux perf; null without it): the machine's (Agora, PostgreSQL,
    // this client, the kernel) and Agora's. Steadier than either time where neighbours share the CPU.
    millionInstructionsPerFlow: { machine: millionsPerFlow(allInstructions), agora: millionsPerFlow(agoraInstructions) },
  }
}

function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
}

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

/** The functions Agora spent the most CPU time in (their own code, not their callees), start-up included. */
function topSelfTime(dir: string, count: number) {
  const files = readdirSync(dir).filter((file) => file.endsWith(".cpuprofile"))
  const newest = files.map((file) => path.join(dir, file)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]
  if (!newest) return { note: "no profile was written" }
  const profile = JSON.parse(readFileSync(newest, "utf8")) as CpuProfile
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]))
  const selfUs = new Map<string, number>()
  let totalUs = 0
  profile.samples.forEach((nodeId, i) => {
    const frame = frames.get(nodeId)
    const delta = profile.timeDeltas[i] ?? 0
    // Time waiting for I/O is not spent in a function.
    if (!frame || frame.functionName === "(idle)") return
    const where = frame.url ? `${frame.url.replace(`file://${ROOT}/`, "")}:${frame.lineNumber + 1}` : ""
    const name = `${frame.functionName || "(anonymous)"}${where ? ` ${where}` : ""}`
    selfUs.set(name, (selfUs.get(name) ?? 0) + delta)
    totalUs += delta
  })
  return {
    file: path.relative(ROOT, newest),
    totalMs: Math.round(totalUs / 1000),
    top: [...selfUs.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, us]) => ({ function: name, selfMs: Math.round(us / 1000), percent: Number(((100 * us) / totalUs).toFixed(1)) })),
  }
}
