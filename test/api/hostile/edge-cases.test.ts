/**
 * Hostile inputs with one cause behind many routes, kept out of the random properties (where one
 * cause would hide every other finding), and checks of the test set-up itself:
 * - every route validates its query (and its body when it takes one);
 * - paths the router refuses before any route runs (a broken percent escape, an over-long id);
 * - text PostgreSQL cannot hold (a NUL byte, a lone surrogate) in ids, filters and body texts;
 * - an unknown name in `fields` on a write, which must be refused before the write happens.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { BROKEN_SEGMENTS, OVERSIZED_SEGMENTS, UNSTORABLE_TEXTS, parseQuery, shapeOf } from "./arbitraries.ts"
import type { BodyInput } from "./arbitraries.ts"
import { fillPath, paramsOf } from "./fixtures.ts"
import { isCredentialsRoute, listRoutes, startHarness, takesBody } from "./harness.ts"
import type { Harness, RouteRef } from "./harness.ts"
import { describeExchange, problemsOf } from "./verdict.ts"

const ROUTES = await listRoutes()

let h: Harness

beforeAll(async () => {
  h = await startHarness()
}, 120_000)
afterAll(() => h?.t.close())

type Attempt = { url: string; body: BodyInput | undefined; mustRefuse: boolean; allowEmptyList?: boolean }

/** Sends each attempt; the descriptions of those answered wrongly or that left something behind. */
async function failuresOf(route: RouteRef, attempts: Attempt[], options: { effectsAllowedOnSuccess?: boolean } = {}): Promise<string[]> {
  const failures: string[] = []
  for (const { url, body, mustRefuse, allowEmptyList } of attempts) {
    let res: Awaited<ReturnType<Harness["send"]>> | undefined
    const effects = await h.sideEffects(async () => {
      res = await h.send(route, url, body)
    })
    const succeeded = res!.statusCode < 400
    const problems = [...problemsOf(res!, { mustRefuse, allowEmptyList }), ...(succeeded && options.effectsAllowedOnSuccess ? [] : effects)]
    if (problems.length > 0) failures.push(describeExchange(route, url, body, res!, problems))
  }
  return failures
}

describe("the test set-up", () => {
  test("sees a write, a soft delete and an event", async () => {
    let created: Awaited<ReturnType<Harness["send"]>> | undefined
    const creation = await h.sideEffects(async () => {
      created = await h.t.admin.post("/admin/brands", { name: "Side effect check" })
    })
    expect(creation).toContainEqual(expect.stringMatching(/^changed rows: .*brand: \d+ → \d+ rows/))
    const deletion = await h.sideEffects(() => h.t.admin.delete(`/admin/brands/${created!.json().brand.id}`))
    expect(deletion).toContainEqual(expect.stringMatching(/brand: rows changed/))
    const cart = await h.sideEffects(() => h.t.storefront.post("/store/carts", {}))
    expect(cart).toContainEqual(expect.stringMatching(/^published .*cart\.created/))
  })
})

describe("every route", () => {
  test("validates its query, and its body when it takes one", () => {
    const gaps: string[] = []
    for (const route of ROUTES) {
      const loaded = h.t.server.agoraRoutes.find((candidate) => candidate.path === route.path && candidate.method === route.method)
      const found = loaded ? h.schemas(route) : {}
      if (!found.query) gaps.push(`${route.method} ${route.path}: no query schema`)
      // Sign-in and registration bodies are the provider's to check (API.md §2).
      if (takesBody(route.method) && !found.body && !isCredentialsRoute(route)) gaps.push(`${route.method} ${route.path}: no body schema`)
    }
    expect(gaps).toEqual([])
  })

  test("a path the router refuses (a broken percent escape, an over-long id) is a 4xx with a { type, message } body", async () => {
    const failures: string[] = []
    for (const route of ROUTES.filter((candidate) => paramsOf(candidate.path).length > 0)) {
      const [first] = paramsOf(route.path)
      const attempts = [...BROKEN_SEGMENTS, ...OVERSIZED_SEGMENTS].map((segment) => ({
        url: fillPath(route.path, (param) => (param === first ? segment : encodeURIComponent(h.fixtures.paramValue(route.path, param)))),
        body: h.acceptedBody(route),
        mustRefuse: true,
      }))
      failures.push(...(await failuresOf(route, attempts)))
    }
    expect(failures.length, `${failures.length} wrong answers, e.g.\n${failures.slice(0, 3).join("\n")}`).toBe(0)
  })
})

/** Requests carrying text PostgreSQL cannot hold, in each place the route takes text. */
function unstorableAttempts(route: RouteRef): Attempt[] {
  const { query: schema, body: bodySchema } = h.schemas(route)
  const body = h.acceptedBody(route)
  const attempts: Attempt[] = []
  // A URL carries a NUL as `%00`; a lone surrogate has no UTF-8 form, so only JSON carries one.
  for (const param of paramsOf(route.path)) {
    const url = fillPath(route.path, (name) => (name === param ? "a%00b" : encodeURIComponent(h.fixtures.paramValue(route.path, name))))
    attempts.push({ url, body, mustRefuse: true, allowEmptyList: route.method === "GET" && !route.path.endsWith(`:${param}`) })
  }
  if (route.method === "GET" && schema) {
    const shape = shapeOf(schema)
    for (const key of Object.keys(shape).filter((name) => shape[name]?.safeParse("x").success && !["limit", "offset"].includes(name))) {
      const query = `${key}=a%00b`
      attempts.push({ url: `${h.realPath(route)}?${query}`, body: undefined, mustRefuse: !schema.safeParse(parseQuery(query)).success })
    }
  }
  if (body?.kind === "json" && bodySchema) {
    const base = body.value as Record<string, unknown>
    const shape = shapeOf(bodySchema)
    for (const text of UNSTORABLE_TEXTS) {
      const candidates = [
        ...Object.keys(shape).map((key) => ({ ...base, [key]: text })),
        ...("metadata" in shape ? [{ ...base, metadata: { [text]: text } }] : []),
      ]
      // The schema takes these (a text is a text), so a 200 is allowed; a 500 is not.
      for (const value of candidates.filter((candidate) => bodySchema.safeParse(candidate).success).slice(0, 4)) {
        attempts.push({ url: h.realPath(route), body: { kind: "json", value }, mustRefuse: false })
      }
    }
  }
  return attempts
}

describe.each(ROUTES)("$method $path", (route) => {
  test("text PostgreSQL cannot hold (a NUL byte, a lone surrogate) in an id, a filter or a body is a 4xx, never a 500", async () => {
    const failures = await failuresOf(route, unstorableAttempts(route), { effectsAllowedOnSuccess: true })
    expect(failures, failures.join("\n")).toEqual([])
  })
})

// Last: a route failing this writes to the records the other tests use (deletes run last of all).
const WRITES = [...ROUTES.filter((route) => takesBody(route.method)), ...ROUTES.filter((route) => route.method === "DELETE")]

describe.each(WRITES)("$method $path, with a body it accepts", (route) => {
  test("refuses an unknown name in `fields` before writing anything", async () => {
    const { query: schema } = h.schemas(route)
    const query = "fields=no_such_field"
    if (schema && !schema.safeParse(parseQuery(query)).success) return // refused by its schema: the query property covers it
    const url = `${h.realPath(route)}?${query}`
    const body = h.acceptedBody(route)
    let res: Awaited<ReturnType<Harness["send"]>> | undefined
    const effects = await h.sideEffects(async () => {
      res = await h.send(route, url, body)
    })
    // A delete answers `{ id, object, deleted }`: `fields` has nothing to select there and is ignored, as in Medusa.
    if (route.method === "DELETE" && res!.statusCode === 200 && (res!.json() as { deleted?: unknown }).deleted === true) return
    const problems = [...problemsOf(res!, { mustRefuse: true }), ...effects]
    expect(problems, describeExchange(route, url, body, res!, problems)).toEqual([])
  })
})
