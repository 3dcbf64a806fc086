/**
 * Query parameters cannot inject SQL, on every GET route: SQL in `order`, `fields`, filter values,
 * filter keys and operator maps (`created_at[$gte]=…`) is refused with a 4xx or matches what a
 * harmless text matches, is never a 500, does not make PostgreSQL sleep, and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import type { z } from "zod"
import { SQL_FRAGMENTS, parseQuery, shapeOf } from "./arbitraries.ts"
import { changedTables } from "./fingerprint.ts"
import { listRoutes, startHarness } from "./harness.ts"
import type { Harness } from "./harness.ts"
import { countOf, describeExchange, problemsOf } from "./verdict.ts"

const ROUTES = (await listRoutes()).filter((route) => route.method === "GET")

/** `pg_sleep(5)` is among the fragments: an answer this slow means it ran. */
const SLOW_ANSWER_MS = 2_500

/** A harmless text no row holds: what a filter's SQL-laden twin is compared with. */
const HARMLESS = "no-such-value-3f9a"

/**
 * A query string with SQL in one place and, for filters, the same query with a harmless text there.
 * An injected condition widens the match (`' OR '1'='1`), so the SQL may not match more rows than the
 * harmless text: both match nothing on a real filter, and both match everything where a key does
 * not filter (a search over an entity with nothing searchable, a pricing context).
 */
type Probe = { query: string; harmless?: string }

function probesFor(schema: z.ZodType | undefined): Probe[] {
  const encode = (value: string) => encodeURIComponent(value)
  const probes: Probe[] = []
  const compared = (template: (value: string) => string, fragment: string) => probes.push({ query: template(encode(fragment)), harmless: template(HARMLESS) })
  for (const fragment of ["created_at; drop table product", "(case when 1=1 then id end)", "id desc nulls first", `-${SQL_FRAGMENTS[0]}`, "1"]) {
    probes.push({ query: `order=${encode(fragment)}` })
  }
  for (const fragment of ["id,(select 1)", "*,password_hash", "+id;drop table product", "id,title--", '"id" from "user" --']) {
    probes.push({ query: `fields=${encode(fragment)}` })
  }
  for (const key of Object.keys(shapeOf(schema))) {
    if (["fields", "order", "limit", "offset", "with_deleted"].includes(key)) continue
    for (const fragment of [SQL_FRAGMENTS[1], SQL_FRAGMENTS[2], SQL_FRAGMENTS[5]]) compared((value) => `${key}=${value}`, fragment)
    compared((value) => `${key}[0]=${value}`, SQL_FRAGMENTS[1])
    for (const operator of ["$eq", "$in][0", "$ne", "$gte", "$lt", "$like", "$ilike", "$raw", "$or][0][id"]) {
      compared((value) => `${key}[${operator}]=${value}`, SQL_FRAGMENTS[1])
    }
    probes.push({ query: `${key}[$gte]=${encode("2020-01-01' OR '1'='1")}` })
  }
  for (const fragment of [SQL_FRAGMENTS[0], SQL_FRAGMENTS[1], 'id" = id or "1']) {
    probes.push({ query: `${encode(fragment)}=1` })
    probes.push({ query: `${encode(fragment)}[$eq]=1` })
  }
  probes.push({ query: `id[$or][0][${encode("1=1) or (1")}]=1` })
  return probes
}

let h: Harness

beforeAll(async () => {
  h = await startHarness()
}, 120_000)
afterAll(() => h?.t.close())

describe.each(ROUTES)("$method $path", (route) => {
  test("SQL in order, fields, filter values, filter keys and operator maps is refused or inert", async () => {
    const { query: schema } = h.schemas(route)
    const start = await h.fingerprint()
    const failures: string[] = []
    for (const probe of probesFor(schema)) {
      const url = `${h.realPath(route)}?${probe.query}`
      let res: Awaited<ReturnType<Harness["send"]>> | undefined
      let elapsed = 0
      const effects = await h.sideEffects(async () => {
        const started = performance.now()
        res = await h.send(route, url, undefined)
        elapsed = performance.now() - started
      })
      const rejected = schema ? !schema.safeParse(parseQuery(probe.query)).success : false
      const problems = [...problemsOf(res!, { mustRefuse: rejected }), ...effects]
      if (elapsed > SLOW_ANSWER_MS) problems.push(`took ${Math.round(elapsed)} ms`)
      const count = countOf(res!)
      if (probe.harmless !== undefined && count !== undefined) {
        const harmless = countOf(await h.send(route, `${h.realPath(route)}?${probe.harmless}`, undefined))
        if (harmless !== undefined && count > harmless) problems.push(`matched ${count} rows where ?${probe.harmless} matches ${harmless}`)
      }
      if (problems.length > 0) failures.push(describeExchange(route, url, undefined, res!, problems))
    }
    expect(failures, failures.join("\n")).toEqual([])
    expect(changedTables(start, await h.fingerprint())).toEqual([])
  })
})
