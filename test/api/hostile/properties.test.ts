/**
 * Every route of the app, sent malformed bodies, ids and query strings (fast-check, a fixed seed):
 * each is refused with a 4xx and a `{ type, message }` body, never a 500, and leaves the database as
 * it was (no row changed, no event published). A GET may answer 200 where its query is valid after
 * all (a filter that matches nothing).
 */
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { MAX_SEGMENT_LENGTH, SQL_FRAGMENTS, hostileBody, hostileId, hostileQuery, parseQuery, shapeOf } from "./arbitraries.ts"
import type { BodyInput, HostileId } from "./arbitraries.ts"
import { changedTables } from "./fingerprint.ts"
import { fillPath, paramsOf } from "./fixtures.ts"
import { listRoutes, startHarness, takesBody } from "./harness.ts"
import type { Harness, RouteRef } from "./harness.ts"
import { describeExchange, problemsOf } from "./verdict.ts"

/** Runs per route and category, and the seed that makes them the same every time. */
const RUNS = Number(process.env.HOSTILE_RUNS ?? 20)
const SEED = Number(process.env.HOSTILE_SEED ?? 20_250_607)

const ROUTES = await listRoutes()

let h: Harness

beforeAll(async () => {
  h = await startHarness()
}, 120_000)
afterAll(() => h?.t.close())

type Attempt = { url: string; body: BodyInput | undefined; mustRefuse: boolean; allowEmptyList?: boolean }

/**
 * Sends `RUNS` requests built from `arbitrary` (after the `examples`): each must be answered as its
 * `mustRefuse` says and leave nothing behind. The first failure ends the property, its message
 * naming the route, the request and the answer.
 */
async function assertEveryRun<T>(route: RouteRef, arbitrary: fc.Arbitrary<T>, attempt: (input: T) => Attempt, examples: T[] = []) {
  const start = await h.fingerprint()
  await fc.assert(
    fc.asyncProperty(arbitrary, async (input) => {
      const { url, body, mustRefuse, allowEmptyList } = attempt(input)
      let answer: Awaited<ReturnType<Harness["send"]>> | undefined
      const effects = await h.sideEffects(async () => {
        answer = await h.send(route, url, body)
      })
      const res = answer!
      const problems = [...problemsOf(res, { mustRefuse, allowEmptyList }), ...effects]
      if (problems.length > 0) throw new Error(describeExchange(route, url, body, res, problems))
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true, examples: examples.map((example): [T] => [example]) },
  )
  // What the write counter cannot see (a truncate, a dropped table) still shows here.
  expect(changedTables(start, await h.fingerprint())).toEqual([])
}

describe.each(ROUTES)("$method $path", (route) => {
  // Only the cases that apply to the route are defined: a GET takes no body, a path without ids no id.
  if (takesBody(route.method)) test("refuses a body its schema rejects with a 4xx, changing nothing", async () => {
    const { body: schema } = h.schemas(route)
    if (!schema) return // a route without a body schema fails the coverage test (edge-cases.test.ts)
    // What the route's validator sees: no body (or `null`) is `{}`.
    const arbitrary = hostileBody(schema).filter((body) => body.kind === "raw" || !schema.safeParse(body.value ?? {}).success)
    await assertEveryRun(route, arbitrary, (body) => ({ url: h.realPath(route), body, mustRefuse: true }))
  })

  if (paramsOf(route.path).length > 0) test("refuses a hostile id with a 4xx, changing nothing", async () => {
    const params = paramsOf(route.path)
    const body = h.acceptedBody(route)
    // Every parameter meets SQL and the longest id the router takes at least once.
    const examples = params.flatMap((param) =>
      [SQL_FRAGMENTS[0], "x".repeat(MAX_SEGMENT_LENGTH)].map((id): [string, HostileId] => [param, { id, segment: encodeURIComponent(id) }]),
    )
    await assertEveryRun(
      route,
      fc.tuple(fc.constantFrom(...params), hostileId),
      ([hostileParam, id]) => ({
        url: fillPath(route.path, (param) => (param === hostileParam ? id.segment : encodeURIComponent(h.fixtures.paramValue(route.path, param)))),
        body,
        mustRefuse: true,
        // A list under a parent (`/admin/jobs/:name/runs`) may answer an unknown parent with no rows.
        allowEmptyList: route.method === "GET" && !route.path.endsWith(`:${hostileParam}`),
      }),
      examples,
    )
  })

  test("refuses a query its schema rejects with a 4xx (a GET: any other with a 200 or a 4xx), changing nothing", async () => {
    const { query: schema } = h.schemas(route)
    if (!schema) return // fails the coverage test (edge-cases.test.ts)
    const rejects = (query: string) => !schema.safeParse(parseQuery(query)).success
    const queries = hostileQuery(Object.keys(shapeOf(schema)))
    // A write is only sent queries its schema refuses: with one it takes, the write would happen.
    const arbitrary = route.method === "GET" ? queries : queries.filter(rejects)
    const body = h.acceptedBody(route)
    await assertEveryRun(route, arbitrary, (query) => ({ url: `${h.realPath(route)}?${query}`, body, mustRefuse: rejects(query) }))
  })
})
