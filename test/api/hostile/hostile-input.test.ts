/**
 * Every route of the app, sent malformed bodies, ids and query strings (fast-check, a fixed seed):
 * each is refused with a 4xx and a `{ type, message }` body — never a 500 — and no row of the
 * database changes. GET routes may answer 200 where the query is valid after all.
 */
import path from "node:path"
import fc from "fast-check"
import type { LightMyRequestResponse } from "fastify"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { z } from "zod"
import { loadRoutes, schemasOf } from "../../../src/framework/http/index.ts"
import type { HttpMethod } from "../../../src/framework/http/index.ts"
import { PROJECT_ROOT } from "../../setup/test-app.ts"
import { startHttpApp } from "../http-app.ts"
import type { HttpApp } from "../http-app.ts"
import { BROKEN_SEGMENTS, SQL_FRAGMENTS, hostileBody, hostileId, hostileQuery, minimalValid, parseQuery, shapeOf } from "./arbitraries.ts"
import type { BodyInput } from "./arbitraries.ts"
import { changedTables, fingerprinter, installWriteCounter } from "./fingerprint.ts"
import type { Fingerprint } from "./fingerprint.ts"
import { fillPath, paramsOf, setUpHostileFixtures } from "./fixtures.ts"
import type { HostileFixtures } from "./fixtures.ts"
import { describeExchange, problemsOf } from "./verdict.ts"

/** Runs per route and category, and the seed that makes them the same every time. */
const RUNS = Number(process.env.HOSTILE_RUNS ?? 20)
const SEED = Number(process.env.HOSTILE_SEED ?? 20_250_607)

/**
 * Sign-in and registration take whatever body the provider is given (API.md §2): emailpass wants a
 * string `email` and `password`, and refuses anything else with a 401.
 */
const EMAILPASS_CREDENTIALS = z.object({ email: z.string(), password: z.string() })

// The routes as the app will load them; their middleware chains come from the running server.
const ROUTES = (await loadRoutes(path.join(PROJECT_ROOT, "src", "api"))).map(({ path: routePath, method }) => ({ path: routePath, method }))

let t: HttpApp
let fixtures: HostileFixtures
let fingerprint: () => Promise<Fingerprint>
let rowWrites: () => Promise<number>

beforeAll(async () => {
  t = await startHttpApp()
  fixtures = await setUpHostileFixtures(t)
  fingerprint = await fingerprinter(t)
  rowWrites = await installWriteCounter(t)
}, 120_000)
afterAll(() => t?.close())

type RouteRef = { path: string; method: HttpMethod }

function schemas(route: RouteRef): { body?: z.ZodType; query?: z.ZodType } {
  const loaded = t.server.agoraRoutes.find((candidate) => candidate.path === route.path && candidate.method === route.method)
  if (!loaded) throw new Error(`${route.method} ${route.path} is not served`)
  const found = schemasOf(loaded.chain)
  const isCredentials = route.path.startsWith("/auth/:actor_type/:auth_provider")
  return { ...found, ...(isCredentials && !found.body ? { body: EMAILPASS_CREDENTIALS } : {}) }
}

const takesBody = (method: HttpMethod) => method !== "GET" && method !== "DELETE"

/** A body the route's schema accepts (`{}` when none is found), for the requests whose hostile part is elsewhere. */
function acceptedBody(schema: z.ZodType | undefined): BodyInput | undefined {
  if (!schema) return { kind: "json", value: {} }
  const found = minimalValid(schema)
  return { kind: "json", value: found && found.value !== undefined ? found.value : {} }
}

async function send(route: RouteRef, url: string, body: BodyInput | undefined) {
  const headers = fixtures.headersFor(route.path)
  if (!body) return t.request({ method: route.method, url, headers })
  if (body.kind === "raw") return t.request({ method: route.method, url, headers: { ...headers, "content-type": body.contentType }, payload: body.text })
  return t.request({ method: route.method, url, headers: { ...headers, "content-type": "application/json" }, payload: JSON.stringify(body.value) })
}

const realPath = (route: RouteRef) => fillPath(route.path, (param) => encodeURIComponent(fixtures.paramValue(route.path, param)))

/**
 * Runs `request` over `RUNS` inputs of `arbitrary`; each answer must be what its `mustRefuse` says,
 * and the database's fingerprint must not change: checked after each request that wrote a row (even
 * one rolled back since), and around the whole property (naming every request it sent).
 */
async function assertEveryRun<T>(
  route: RouteRef,
  arbitrary: fc.Arbitrary<T>,
  request: (input: T) => { url: string; body: BodyInput | undefined; mustRefuse: boolean; allowEmptyList?: boolean },
  examples: T[] = [],
) {
  const start = await fingerprint()
  let before = start
  let writes = await rowWrites()
  const sent: string[] = []
  await fc.assert(
    fc.asyncProperty(arbitrary, async (input) => {
      const { url, body, mustRefuse, allowEmptyList } = request(input)
      const res = await send(route, url, body)
      const problems = problemsOf(res, { mustRefuse, allowEmptyList })
      sent.push(describeExchange(route, url, body, res, []))
      const writesNow = await rowWrites()
      if (writesNow !== writes) {
        writes = writesNow
        const after = await fingerprint()
        const changes = changedTables(before, after)
        if (changes.length > 0) problems.push(`changed rows: ${changes.join(", ")}`)
        before = after
      }
      if (problems.length > 0) throw new Error(describeExchange(route, url, body, res, problems))
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true, examples: examples.map((example): [T] => [example]) },
  )
  const changes = changedTables(start, await fingerprint())
  expect(changes, `${route.method} ${route.path} changed rows (${changes.join(", ")}) during:\n${sent.join("\n")}`).toEqual([])
}

describe.each(ROUTES)("$method $path", (route) => {
  test.runIf(takesBody(route.method))("refuses a body its schema rejects, with a 4xx, changing nothing", async () => {
    const { body: schema } = schemas(route)
    if (!schema) return // a route without a body schema is reported by the coverage test below
    const arbitrary = hostileBody(schema).filter((body) => body.kind === "raw" || !schema.safeParse(body.value ?? {}).success)
    await assertEveryRun(route, arbitrary, (body) => ({ url: realPath(route), body, mustRefuse: true }))
  })

  test.runIf(paramsOf(route.path).length > 0)("refuses a hostile id with a 4xx, changing nothing", async () => {
    const params = paramsOf(route.path)
    const body = takesBody(route.method) ? acceptedBody(schemas(route).body) : undefined
    const arbitrary = fc.tuple(fc.constantFrom(...params), hostileId)
    // Every parameter meets, at least once, the ids that break careless code: NUL, SQL, a very long one.
    const examples = params.flatMap((param) => ["a\u0000b", SQL_FRAGMENTS[0], "x".repeat(5_000)].map((id): [string, { id: string; segment: string }] => [param, { id, segment: encodeURIComponent(id) }]))
    await assertEveryRun(route, arbitrary, ([hostileParam, id]) => ({
      url: fillPath(route.path, (param) => (param === hostileParam ? id.segment : encodeURIComponent(fixtures.paramValue(route.path, param)))),
      body,
      mustRefuse: true,
      // A list under a parent (`/admin/jobs/:name/runs`) may answer an unknown parent with no rows.
      allowEmptyList: route.method === "GET" && !route.path.endsWith(`:${hostileParam}`),
    }), examples)
  })

  test("refuses a hostile query its schema rejects with a 4xx (GET: else a 200), changing nothing", async () => {
    const { query: schema, body: bodySchema } = schemas(route)
    if (!schema) return // reported by the coverage test below
    const rejects = (query: string) => !schema.safeParse(parseQuery(query)).success
    const keys = Object.keys(shapeOf(schema))
    // A write route is only sent queries its schema refuses: an accepted one would make the write happen.
    const arbitrary = route.method === "GET" ? hostileQuery(keys) : hostileQuery(keys).filter(rejects)
    const body = takesBody(route.method) ? acceptedBody(bodySchema) : undefined
    // A GET route's filters meet a NUL byte at least once (no PostgreSQL text may hold one).
    const examples = route.method === "GET" ? keys.filter((key) => !["limit", "offset"].includes(key)).map((key) => `${key}=a%00b`) : []
    await assertEveryRun(route, arbitrary, (query) => ({ url: `${realPath(route)}?${query}`, body, mustRefuse: rejects(query) }), examples)
  })
})

const SLOW_ANSWER_MS = 2_500

/** A harmless text no row holds: what a filter's SQL-laden twin is compared with. */
const HARMLESS = "no-such-value-3f9a"

/**
 * A probe of one GET route: a query string with SQL in one place, and (for filters) the same query
 * with a harmless text there instead. An injected condition would widen the match (`' OR '1'='1`),
 * so the SQL-laden query may not match more rows than the harmless one: both match nothing on a
 * real filter, and both match everything where a key does not filter (a search with nothing
 * searchable, a pricing context).
 */
type InjectionProbe = { query: string; harmless?: string }

function injectionProbes(schema: z.ZodType | undefined): InjectionProbe[] {
  const keys = Object.keys(shapeOf(schema))
  const encode = (value: string) => encodeURIComponent(value)
  const probes: InjectionProbe[] = []
  const compared = (template: (value: string) => string, fragment: string) =>
    probes.push({ query: template(encode(fragment)), harmless: template(HARMLESS) })
  for (const fragment of ["created_at; drop table product", "(case when 1=1 then id end)", "id desc nulls first", `-${SQL_FRAGMENTS[0]}`, "1", "a\u0000b"]) {
    probes.push({ query: `order=${encode(fragment)}` })
  }
  for (const fragment of ["id,(select 1)", "*,password_hash", "+id;drop table product", "id,title--", '"id" from "user" --', "a\u0000b"]) {
    probes.push({ query: `fields=${encode(fragment)}` })
  }
  for (const key of keys) {
    if (["fields", "order", "limit", "offset", "with_deleted"].includes(key)) continue
    for (const fragment of [SQL_FRAGMENTS[1], SQL_FRAGMENTS[2], SQL_FRAGMENTS[5], "a\u0000b"]) compared((value) => `${key}=${value}`, fragment)
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

const countOf = (res: LightMyRequestResponse): number | undefined => {
  if (res.statusCode !== 200) return undefined
  try {
    const count = (res.json() as { count?: unknown }).count
    return typeof count === "number" ? count : undefined
  } catch {
    return undefined
  }
}

describe.each(ROUTES.filter((route) => route.method === "GET"))("$method $path: query parameters cannot inject SQL", (route) => {
  test("order, fields, filter values, filter keys and operator maps", async () => {
    const { query: schema } = schemas(route)
    const before = await fingerprint()
    const failures: string[] = []
    for (const probe of injectionProbes(schema)) {
      const url = `${realPath(route)}?${probe.query}`
      const started = performance.now()
      const res = await send(route, url, undefined)
      const elapsed = performance.now() - started
      const rejected = schema ? !schema.safeParse(parseQuery(probe.query)).success : false
      const problems = problemsOf(res, { mustRefuse: rejected })
      if (elapsed > SLOW_ANSWER_MS) problems.push(`took ${Math.round(elapsed)} ms`)
      const count = countOf(res)
      if (probe.harmless !== undefined && count !== undefined) {
        const harmless = countOf(await send(route, `${realPath(route)}?${probe.harmless}`, undefined))
        if (harmless !== undefined && count > harmless) problems.push(`matched ${count} rows where ?${probe.harmless} matches ${harmless}`)
      }
      if (problems.length > 0) failures.push(describeExchange(route, url, undefined, res, problems))
    }
    expect(failures, failures.join("\n")).toEqual([])
    expect(changedTables(before, await fingerprint())).toEqual([])
  })
})

describe("every route", () => {
  test("(self-check) the fingerprint sees a write and a soft delete", async () => {
    const before = await fingerprint()
    const created = await t.admin.post("/admin/brands", { name: "Fingerprint check" })
    const afterCreate = await fingerprint()
    expect(changedTables(before, afterCreate)).toEqual([expect.stringMatching(/^brand: \d+ → \d+ rows$/)])
    await t.admin.delete(`/admin/brands/${created.json().brand.id}`)
    expect(changedTables(afterCreate, await fingerprint())).toEqual(["brand: rows changed"])
    expect(await rowWrites()).toBeGreaterThanOrEqual(2)
  })

  test("validates its query, and its body when it takes one", () => {
    const gaps: string[] = []
    for (const route of ROUTES) {
      const loaded = t.server.agoraRoutes.find((candidate) => candidate.path === route.path && candidate.method === route.method)
      const found = loaded ? schemasOf(loaded.chain) : {}
      if (!found.query) gaps.push(`${route.method} ${route.path}: no query schema`)
      // Sign-in and registration bodies are the provider's to check (API.md §2).
      if (takesBody(route.method) && !found.body && !route.path.startsWith("/auth/:actor_type/:auth_provider")) {
        gaps.push(`${route.method} ${route.path}: no body schema`)
      }
    }
    expect(gaps).toEqual([])
  })

  test("a path with a broken percent escape is a 4xx with a { type, message } body", async () => {
    const failures: string[] = []
    for (const route of ROUTES.filter((candidate) => paramsOf(candidate.path).length > 0)) {
      const [first] = paramsOf(route.path)
      for (const segment of BROKEN_SEGMENTS) {
        const url = fillPath(route.path, (param) => (param === first ? segment : encodeURIComponent(fixtures.paramValue(route.path, param))))
        const res = await send(route, url, takesBody(route.method) ? { kind: "json", value: {} } : undefined)
        const problems = problemsOf(res, { mustRefuse: true })
        if (problems.length > 0) failures.push(describeExchange(route, url, undefined, res, problems))
      }
    }
    expect(failures.length, `${failures.length} refusals, e.g.\n${failures.slice(0, 3).join("\n")}`).toBe(0)
  })
})

// Last, as a route that fails it writes to the records the other tests use (deletes last of all).
const WRITE_ROUTES = [...ROUTES.filter((route) => route.method === "POST"), ...ROUTES.filter((route) => route.method === "DELETE")]

describe.each(WRITE_ROUTES)("$method $path with a body it accepts", (route) => {
  test("refuses an unknown name in `fields` before writing anything", async () => {
    const { query: schema, body: bodySchema } = schemas(route)
    const query = "fields=no_such_field"
    if (schema && !schema.safeParse(parseQuery(query)).success) return // refused by its schema: the query property covers it
    const body = takesBody(route.method) ? acceptedBody(bodySchema) : undefined
    const before = await fingerprint()
    const url = `${realPath(route)}?${query}`
    const res = await send(route, url, body)
    const problems = problemsOf(res, { mustRefuse: true })
    const changes = changedTables(before, await fingerprint())
    if (changes.length > 0) problems.push(`changed rows: ${changes.join(", ")}`)
    expect(problems, describeExchange(route, url, body, res, problems)).toEqual([])
  })
})
