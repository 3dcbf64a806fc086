/*
 * The workflow engine on PostgreSQL: the 10-step no-op workflow of bench/workflows-memory.ts (and
 * the variant whose last step fails, with 9 compensations), run on `PostgresWorkflowStorage` over
 * the app's database, as the app runs it. Reports milliseconds per step and round trips per step:
 * the storage's SQL function is wrapped with a counter, and every statement it sends is one round
 * trip. 300 runs of each one after another (after 30 warm-up runs), then 640 succeeding runs 16 at
 * a time for throughput (AGORA_BENCH_DURABLE_RUNS, AGORA_BENCH_DURABLE_CONCURRENT_RUNS change the
 * counts); every run is checked, and so are the stored runs at the end. Prints JSON.
 * Run: `node bench/workflows-durable.ts` (Node 24 or later).
 *
 * Database: with DATABASE_URL set, a database `agora_bench_workflows_<random>` is created on that
 * server and dropped at the end; else an embedded PostgreSQL is started in .agora/bench-workflows-postgres
 * on port 55436 (AGORA_BENCH_WORKFLOWS_DB_PORT) and stopped at the end.
 */
import { performance } from "node:perf_hooks"
import { asValue, createContainer } from "awilix"
import { preparedQueryOf } from "../src/framework/database/index.ts"
import { createOrm, Database, runMigrations } from "../src/framework/database/index.ts"
import {
  PostgresWorkflowStorage,
  WORKFLOW_ENGINE_KEY,
  WORKFLOW_MIGRATIONS_DIR,
  WorkflowEngine,
  type SqlQuery,
} from "../src/framework/orchestrator/index.ts"
import { openBenchDatabase, withAdmin } from "./bench-database.ts"
import { failing, STEPS, succeeding } from "./workflows-memory.ts"

const RUNS = Number(process.env.AGORA_BENCH_DURABLE_RUNS ?? 300)
const WARMUP_RUNS = 30
/** Runs in flight at once for the throughput measure, each on its own pooled connection. */
const CONCURRENCY = 16
const CONCURRENT_RUNS = Number(process.env.AGORA_BENCH_DURABLE_CONCURRENT_RUNS ?? 640)
const DATABASE_PREFIX = "agora_bench_workflows_"

type Counted = { statements: number; byKind: Map<string, number> }

/** What a storage statement does, from its SQL: enough to see where the round trips go. */
function statementKind(sql: string): string {
  const text = sql.replace(/\s+/g, " ").trim().toLowerCase()
  if (text.startsWith('with "created" as ( insert into "workflow_execution"')) return "create run"
  if (text.startsWith('with "run" as ( update "workflow_execution"')) {
    const what = text.includes('"retain_until" = ') ? "end run" : "checkpoint run"
    return text.includes('insert into "workflow_step"') ? `${what} + step` : what
  }
  if (text.startsWith('update "workflow_execution"')) return "acquire run"
  if (text.startsWith('with "expired" as ( delete from "workflow_execution"')) return "delete expired runs"
  if (text.includes('from "workflow_step"')) return "load steps"
  if (text.includes('from "workflow_execution"')) return "load run"
  return "other"
}

/** The app's SQL function for the storage, counting each statement it sends. */
function countingQuery(inner: SqlQuery, counted: Counted): SqlQuery {
  return <Row>(sql: string, params: readonly unknown[]) => {
    counted.statements++
    const kind = statementKind(sql)
    counted.byKind.set(kind, (counted.byKind.get(kind) ?? 0) + 1)
    return inner<Row>(sql, params)
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}

function byKind(counted: Counted): Record<string, number> {
  return Object.fromEntries([...counted.byKind].sort((a, b) => b[1] - a[1]))
}

/** Sequential runs, one after another: latency and round trips of a single run. */
async function sequential(counted: Counted, run: () => Promise<unknown>) {
  for (let i = 0; i < WARMUP_RUNS; i++) await run()
  counted.statements = 0
  counted.byKind.clear()
  const statementsPerRun: number[] = []
  const started = performance.now()
  for (let i = 0; i < RUNS; i++) {
    const before = counted.statements
    await run()
    statementsPerRun.push(counted.statements - before)
  }
  const totalMs = performance.now() - started
  const msPerRun = totalMs / RUNS
  return {
    runs: RUNS,
    totalMs: round(totalMs),
    msPerRun: round(msPerRun),
    msPerStep: round(msPerRun / STEPS),
    statements: counted.statements,
    statementsPerRun: round(counted.statements / RUNS),
    statementsPerStep: round(counted.statements / RUNS / STEPS),
    statementsPerRunRange: [Math.min(...statementsPerRun), Math.max(...statementsPerRun)],
    statementsByKind: byKind(counted),
  }
}

/** `CONCURRENCY` runs in flight at all times until `CONCURRENT_RUNS` are done: throughput. */
async function concurrent(counted: Counted, run: () => Promise<unknown>) {
  counted.statements = 0
  counted.byKind.clear()
  let next = 0
  const worker = async () => {
    while (next < CONCURRENT_RUNS) {
      next++
      await run()
    }
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  const totalMs = performance.now() - started
  return {
    runs: CONCURRENT_RUNS,
    concurrency: CONCURRENCY,
    totalMs: round(totalMs),
    runsPerSecond: round((CONCURRENT_RUNS * 1000) / totalMs),
    stepsPerSecond: Math.round((CONCURRENT_RUNS * STEPS * 1000) / totalMs),
    statements: counted.statements,
    statementsPerRun: round(counted.statements / CONCURRENT_RUNS),
    statementsPerStep: round(counted.statements / CONCURRENT_RUNS / STEPS),
    statementsPerSecond: Math.round((counted.statements * 1000) / totalMs),
    statementsByKind: byKind(counted),
  }
}

const bench = await openBenchDatabase({
  prefix: DATABASE_PREFIX,
  dataDirName: "bench-workflows-postgres",
  port: Number(process.env.AGORA_BENCH_WORKFLOWS_DB_PORT ?? 55436),
})

try {
  const databaseUrl = bench.url
  const orm = await createOrm({ url: databaseUrl, entities: [], poolSize: CONCURRENCY + 4 })
  const database = new Database(orm)
  bench.closeFirst(() => database.close())
  await runMigrations(orm, [{ module: "workflow_engine", dir: WORKFLOW_MIGRATIONS_DIR }])

  const counted: Counted = { statements: 0, byKind: new Map() }
  const backgroundErrors: unknown[] = []
  const container = createContainer()
  const engine = new WorkflowEngine({
    storage: new PostgresWorkflowStorage(countingQuery(preparedQueryOf(database), counted)),
    container,
    onBackgroundError: (error) => backgroundErrors.push(error),
  })
  container.register(WORKFLOW_ENGINE_KEY, asValue(engine))

  const runSucceeding = async () => {
    const { result } = await succeeding(container).run()
    if (result !== STEPS) throw new Error(`unexpected result ${String(result)}`)
  }
  const runFailing = async () => {
    const { transaction } = await failing(container).run({ throwOnError: false })
    if (transaction.state !== "failed") throw new Error(`unexpected state ${transaction.state}`)
  }

  const success = await sequential(counted, runSucceeding)
  const compensated = await sequential(counted, runFailing)
  const throughput = await concurrent(counted, runSucceeding)

  // Every run is stored, finished and released: read back outside the counted SQL function.
  const stored = await withAdmin(databaseUrl, async (client) => {
    const { rows } = await client.query<{ state: string; owner: string | null; runs: number; steps: number }>(
      `select e."state", e."owner", count(distinct e."id")::int as "runs", count(s."step_id")::int as "steps"
      from "workflow_execution" e left join "workflow_step" s using ("workflow_id", "transaction_id")
      group by e."state", e."owner" order by e."state"`,
    )
    return rows
  })
  const expected = { done: WARMUP_RUNS + RUNS + CONCURRENT_RUNS, failed: WARMUP_RUNS + RUNS }
  const runsIn = (state: string) => stored.filter((row) => row.state === state).reduce((sum, row) => sum + row.runs, 0)
  if (runsIn("done") !== expected.done || runsIn("failed") !== expected.failed || stored.some((row) => row.owner !== null)) {
    throw new Error(`stored runs are not as expected (${JSON.stringify(expected)}): ${JSON.stringify(stored)}`)
  }
  if (backgroundErrors.length > 0) throw new AggregateError(backgroundErrors, "the engine reported background errors")

  console.log(
    JSON.stringify(
      {
        node: process.version,
        database: bench.server,
        stepsPerRun: STEPS,
        warmupRuns: WARMUP_RUNS,
        sequential: { success, failureWith9Compensations: compensated },
        concurrent: { success: throughput },
        storedRuns: stored.map(({ state, runs, steps }) => ({ state, runs, steps })),
      },
      null,
      2,
    ),
  )
} finally {
  await bench.cleanUp()
}
