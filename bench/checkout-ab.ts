/*
 * Two checkouts of Agora compared on the store's checkout flow, flow by flow:
 *   node bench/checkout-ab.ts <dir A> <dir B>
 * Each directory holds Agora with its dependencies installed (say a `git worktree` of an older
 * commit, its node_modules linked to this one's). Each side gets its own database (on its own
 * embedded PostgreSQL, or on DATABASE_URL's server), seeded by its own `agora seed --products
 * 1000`, and its own server. Then the flows alternate between the sides (A then B, B then A, ...),
 * so that both meet the machine in the same state: where the CPU is shared with other machines one
 * run's wall times move by a third from run to run, while the ratio of paired flows hardly does.
 * Prints each side's median flow and median per request, and the median of the paired ratios B / A.
 * AGORA_BENCH_AB_RUNS pairs (default 100) after 5 warm-up flows each. Everything runs on
 * 127.0.0.1 and is stopped and dropped at the end; the run is cut off after 10 minutes.
 */
import path from "node:path"
import { openBenchDatabase, withAdmin, type BenchDatabase } from "./bench-database.ts"
import { CHECKOUT_STEPS, checkoutFlow, flowTotals, type CheckoutStep, type CheckoutStore } from "./checkout-flow.ts"
import { agoraBenchEnv, launch, median, runAgoraCli, sequentialClient, type Server } from "./lib.ts"

const HOST = "127.0.0.1"
const RUNS = Number(process.env.AGORA_BENCH_AB_RUNS ?? 100)
const WARMUP_RUNS = 5
const TIME_LIMIT_MS = 10 * 60_000
const env = agoraBenchEnv(HOST)

const roots = process.argv.slice(2, 4).map((dir) => path.resolve(dir))
if (roots.length !== 2) {
  console.error("usage: node bench/checkout-ab.ts <dir A> <dir B>")
  process.exit(2)
}

type Side = { root: string; database: BenchDatabase; server?: Server; store?: CheckoutStore }
const sides: Side[] = []
const deadline = setTimeout(() => {
  console.error(`checkout-ab: still running after ${TIME_LIMIT_MS / 1000} s, stopping`)
  void cleanUp().finally(() => process.exit(1))
}, TIME_LIMIT_MS)
deadline.unref()

try {
  for (const [index, root] of roots.entries()) {
    const database = await openBenchDatabase({ prefix: `agora_bench_ab_${index}_`, dataDirName: `bench-ab-postgres-${index}`, port: 55460 + index })
    const side: Side = { root, database }
    sides.push(side)
    const port = 9130 + index
    const sideEnv = { ...env, DATABASE_URL: database.url, PORT: String(port) }
    await runAgoraCli(root, ["seed", "--products", "1000", "--email", "bench@example.com", "--password", "bench-password"], sideEnv)
    const { publishableKey, regionId } = await withAdmin(database.url, async (client) => {
      await client.query("analyze")
      const key = await client.query<{ token: string }>("select token from api_key where type = 'publishable' and revoked_at is null order by created_at limit 1")
      const region = await client.query<{ id: string }>("select id from region where currency_code = 'usd' and deleted_at is null limit 1")
      return { publishableKey: key.rows[0]!.token, regionId: region.rows[0]!.id }
    })
    side.server = (await launch(["./bin/agora.js", "start"], sideEnv, `http://${HOST}:${port}/health`, root)).server
    const client = sequentialClient(HOST, port)
    const page = await client.send("GET", `/store/products?limit=20&region_id=${regionId}`, { "x-publishable-api-key": publishableKey })
    if (page.status !== 200) throw new Error(`${root}: the products page answered ${page.status}`)
    side.store = { client, publishableKey, regionId, products: JSON.parse(page.text).products }
    console.error(`checkout-ab: ${"AB"[index]} (${root}) seeded and started`)
  }

  const stores = sides.map((side) => side.store!)
  for (let run = 0; run < WARMUP_RUNS; run++) for (const store of stores) await checkoutFlow(store, run)
  const runs: Record<CheckoutStep, number>[][] = [[], []]
  for (let run = 0; run < RUNS; run++) {
    for (const index of run % 2 === 0 ? [0, 1] : [1, 0]) runs[index]!.push(await checkoutFlow(stores[index]!, WARMUP_RUNS + run))
  }

  const [totalsA, totalsB] = runs.map(flowTotals) as [number[], number[]]
  const round = (ms: number) => Math.round(ms * 10) / 10
  const report = (index: number) => ({
    dir: roots[index],
    flowMedianMs: round(median(index === 0 ? totalsA : totalsB)),
    stepMedianMs: Object.fromEntries(CHECKOUT_STEPS.map((step) => [step, round(median(runs[index]!.map((times) => times[step])))])),
  })
  console.log(
    JSON.stringify(
      {
        pairs: RUNS,
        A: report(0),
        B: report(1),
        // Below 1: B's flow takes less time than A's next to it.
        pairedRatioBOverA: Math.round(median(totalsB.map((total, i) => total / totalsA[i]!)) * 1000) / 1000,
      },
      null,
      2,
    ),
  )
} finally {
  clearTimeout(deadline)
  await cleanUp()
}

async function cleanUp(): Promise<void> {
  for (const side of sides) {
    side.store?.client.close()
    await side.server?.stop().catch(() => {})
    await side.database.cleanUp().catch(() => {})
  }
}
