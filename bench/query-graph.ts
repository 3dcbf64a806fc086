/*
 * Query against the SQL a developer would write by hand. 10,000 products (each with 2 variants, a
 * price set per variant holding 2 prices, and a brand, all linked) are seeded; then a store-like
 * page of 20 products with their variants, prices and brand is read with `query.graph` and with
 * one hand-written statement (json_agg) returning the same JSON, both through the app's database
 * handle. The two answers are checked equal first; then each runs 500 times after 50 warm-up
 * calls, interleaved in rounds so both see the same machine (AGORA_BENCH_QUERY_CALLS changes the
 * count). Reports ms per call of each, the ratio, and where Query's own time goes (fields and SQL
 * compilation, reviving Dates). Prints JSON.
 * Run: `node bench/query-graph.ts` (Node 24 or later).
 *
 * Database: with DATABASE_URL set, a database `agora_bench_query_<random>` is created on that
 * server and dropped at the end; else an embedded PostgreSQL is started in .agora/bench-query-postgres
 * on port 55437 (AGORA_BENCH_QUERY_DB_PORT) and stopped at the end.
 */
import assert from "node:assert/strict"
import path from "node:path"
import { performance } from "node:perf_hooks"
import pino from "pino"
import { createApp } from "../src/framework/app/index.ts"
import { validateConfig } from "../src/framework/config/index.ts"
import type { GraphQuery, Query } from "../src/framework/modules/index.ts"
import { seedCatalog } from "../test/modules/query/seed-catalog.ts"
import { openBenchDatabase } from "./bench-database.ts"

const ROOT = path.resolve(import.meta.dirname, "..")
const PRODUCTS = 10_000
const PAGE = 20
const CALLS = Number(process.env.AGORA_BENCH_QUERY_CALLS ?? 500)
const WARMUP_CALLS = 50
const ROUNDS = 10
const DATABASE_PREFIX = "agora_bench_query_"

const GRAPH: GraphQuery = {
  entity: "product",
  fields: ["id", "title", "variants.*", "variants.price_set.prices.*", "brand.*"],
  filters: { status: "published" },
  pagination: { take: PAGE, skip: 0, order: { created_at: "DESC" } },
}

// The same page by hand: every column Query's `*` reads (of the price set, only its id and prices, as
// asked), decimals as text, soft-deleted rows left out.
const HAND_WRITTEN = `
select json_build_object(
  'id', p."id", 'title', p."title",
  'variants', (
    select coalesce(json_agg(json_build_object(
      'id', v."id", 'title', v."title", 'sku', v."sku", 'barcode', v."barcode", 'ean', v."ean", 'upc', v."upc",
      'allow_backorder', v."allow_backorder", 'manage_inventory', v."manage_inventory", 'variant_rank', v."variant_rank",
      'weight', v."weight", 'length', v."length", 'height', v."height", 'width', v."width", 'hs_code', v."hs_code",
      'origin_country', v."origin_country", 'mid_code', v."mid_code", 'material', v."material", 'metadata', v."metadata",
      'product_id', v."product_id", 'created_at', v."created_at", 'updated_at', v."updated_at", 'deleted_at', v."deleted_at",
      'price_set', (
        select json_build_object(
          'id', ps."id",
          'prices', (
            select coalesce(json_agg(json_build_object(
              'id', pr."id", 'amount', pr."amount"::text, 'currency_code', pr."currency_code",
              'min_quantity', pr."min_quantity", 'max_quantity', pr."max_quantity", 'price_set_id', pr."price_set_id",
              'created_at', pr."created_at", 'updated_at', pr."updated_at", 'deleted_at', pr."deleted_at"
            ) order by pr."id"), '[]'::json)
            from "price" pr where pr."price_set_id" = ps."id" and pr."deleted_at" is null))
        from "product_variant_price_set" vps join "price_set" ps on ps."id" = vps."price_set_id"
        where vps."product_variant_id" = v."id" and vps."deleted_at" is null and ps."deleted_at" is null limit 1)
    ) order by v."id"), '[]'::json)
    from "product_variant" v where v."product_id" = p."id" and v."deleted_at" is null),
  'brand', (
    select json_build_object('id', b."id", 'name', b."name", 'description', b."description",
      'created_at', b."created_at", 'updated_at', b."updated_at", 'deleted_at', b."deleted_at")
    from "product_product_brand_brand" pb join "brand" b on b."id" = pb."brand_id"
    where pb."product_id" = p."id" and pb."deleted_at" is null and b."deleted_at" is null limit 1)
) as "row", p."total"
from (
  select *, count(*) over() as "total" from "product"
  where "deleted_at" is null and "status" = ? order by "created_at" desc, "id" limit ? offset ?
) p
order by p."created_at" desc, p."id"`

type Timing = { calls: number; msPerCall: number; p50: number; p95: number }

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}

function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
  const total = samples.reduce((sum, ms) => sum + ms, 0)
  return { calls: samples.length, msPerCall: round(total / samples.length), p50: round(at(0.5)), p95: round(at(0.95)) }
}

/** Dates and timestamp strings as one ISO form, so the two answers compare equal. */
function normalize(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString()
  if (typeof value === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(value)) return new Date(value).toISOString()
  if (Array.isArray(value)) return value.map(normalize)
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v)]))
  return value
}

const bench = await openBenchDatabase({
  prefix: DATABASE_PREFIX,
  dataDirName: "bench-query-postgres",
  port: Number(process.env.AGORA_BENCH_QUERY_DB_PORT ?? 55437),
})

try {
  const config = validateConfig(
    {
      projectConfig: { databaseUrl: bench.url },
      modules: ["product", "pricing", "brand", "sales-channel"].map((name) => ({ resolve: `./src/modules/${name}` })),
    },
    ROOT,
    "development",
  )
  const app = await createApp({ rootDir: ROOT, config, logger: pino({ level: "silent" }) })
  bench.closeFirst(() => app.close())
  await app.migrate()
  const database = app.database
  const query = app.container.resolve<Query>("query")

  const seedStarted = performance.now()
  await seedCatalog(database, PRODUCTS)
  const seedMs = performance.now() - seedStarted

  const viaQuery = async () => (await query.graph(GRAPH)).data
  const byHand = async () => {
    const rows = await database.execute<{ row: Record<string, unknown>; total: string }>(HAND_WRITTEN, ["published", PAGE, 0])
    return rows.map(({ row }) => row)
  }

  // Both answer the same page, the same way.
  const [fromQuery, fromHand] = [await viaQuery(), await byHand()]
  assert.equal(fromQuery.length, PAGE)
  assert.deepStrictEqual(normalize(fromQuery), normalize(fromHand))

  for (let i = 0; i < WARMUP_CALLS; i++) {
    await viaQuery()
    await byHand()
  }
  const samples = { query: [] as number[], handWritten: [] as number[] }
  const perRound = Math.ceil(CALLS / ROUNDS)
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, call] of [
      ["query", viaQuery],
      ["handWritten", byHand],
    ] as const) {
      for (let i = 0; i < perRound; i++) {
        const started = performance.now()
        await call()
        samples[name].push(performance.now() - started)
      }
    }
  }
  const queryTiming = timing(samples.query)
  const handTiming = timing(samples.handWritten)

  // Where Query's own time goes, beside the statement: the same read with only the SQL run.
  const compiledSql = await (async () => {
    const statements: { sql: string; params: readonly unknown[] }[] = []
    const ormConfig = database.orm.config
    const previous = ormConfig.get("onQuery")
    ormConfig.set("onQuery", (sql: string, params: readonly unknown[]) => {
      statements.push({ sql, params })
      return previous(sql, params as unknown[])
    })
    try {
      await viaQuery()
    } finally {
      ormConfig.set("onQuery", previous)
    }
    assert.equal(statements.length, 1, "Query sent more than one statement")
    return statements[0]!
  })()
  const sqlOnly: number[] = []
  for (let i = 0; i < perRound * 2; i++) {
    const started = performance.now()
    await database.execute(compiledSql.sql, [...compiledSql.params])
    sqlOnly.push(performance.now() - started)
  }
  const sqlOnlyTiming = timing(sqlOnly)

  console.log(
    JSON.stringify(
      {
        node: process.version,
        database: bench.server,
        catalog: { products: PRODUCTS, variantsPerProduct: 2, pricesPerVariant: 2, seedMs: Math.round(seedMs) },
        page: { take: PAGE, fields: GRAPH.fields },
        warmupCalls: WARMUP_CALLS,
        query: { ...queryTiming, statementsPerCall: 1 },
        handWritten: handTiming,
        ratio: round(queryTiming.msPerCall / handTiming.msPerCall),
        target: "query within 2x of the hand-written statement",
        queryCompiledSqlAlone: { ...sqlOnlyTiming, note: "Query's own statement run without Query: the rest is parsing, compiling and reviving" },
      },
      null,
      2,
    ),
  )
} finally {
  await bench.cleanUp()
}
