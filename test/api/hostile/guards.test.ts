/**
 * Each area's guard refuses before anything else runs: `/admin` without a user token is a 401
 * `{ message: "Unauthorized" }`, `/store` without a publishable key a 400 `not_allowed` — whatever
 * the body, query and ids — and nothing is written.
 */
import path from "node:path"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { loadRoutes } from "../../../src/framework/http/index.ts"
import { PROJECT_ROOT } from "../../setup/test-app.ts"
import { startHttpApp } from "../http-app.ts"
import type { HttpApp } from "../http-app.ts"
import { SQL_FRAGMENTS } from "./arbitraries.ts"
import { changedTables, fingerprinter } from "./fingerprint.ts"
import type { Fingerprint } from "./fingerprint.ts"
import { fillPath } from "./fixtures.ts"

const ROUTES = await loadRoutes(path.join(PROJECT_ROOT, "src", "api"))
const guarded = (area: string) => ROUTES.filter((route) => route.authenticate && route.path.startsWith(`${area}/`))

let t: HttpApp
let fingerprint: () => Promise<Fingerprint>

beforeAll(async () => {
  t = await startHttpApp()
  fingerprint = await fingerprinter(t)
})
afterAll(() => t?.close())

/** The route's path with made-up ids, a query and a body its validators would refuse. */
function hostileRequest(route: { method: string; path: string }) {
  const url = `${fillPath(route.path, () => encodeURIComponent(SQL_FRAGMENTS[0]))}?fields=${encodeURIComponent(SQL_FRAGMENTS[1])}&unknown=1`
  const body = route.method === "GET" || route.method === "DELETE" ? undefined : JSON.stringify({ unknown: SQL_FRAGMENTS[0], quantity: -1 })
  return { url, body }
}

describe("/admin without a user token", () => {
  test.each(guarded("/admin").map((route) => ({ method: route.method, path: route.path })))("$method $path is a 401 Unauthorized", async (route) => {
    const before = await fingerprint()
    const { url, body } = hostileRequest(route)
    for (const headers of [{}, { authorization: "Bearer not-a-jwt" }, { authorization: `Bearer ${SQL_FRAGMENTS[1]}` }]) {
      const res = await t.request({
        method: route.method,
        url,
        headers: { ...headers, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        ...(body === undefined ? {} : { payload: body }),
      })
      expect(res.statusCode, `${JSON.stringify(headers)}: ${res.body}`).toBe(401)
      expect(res.json()).toEqual({ message: "Unauthorized" })
    }
    expect(changedTables(before, await fingerprint())).toEqual([])
  })
})

describe("/store without a publishable key", () => {
  test.each(guarded("/store").map((route) => ({ method: route.method, path: route.path })))("$method $path is a 400 not_allowed", async (route) => {
    const before = await fingerprint()
    const { url, body } = hostileRequest(route)
    const res = await t.request({
      method: route.method,
      url,
      ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, payload: body }),
    })
    expect(res.statusCode, res.body).toBe(400)
    expect(res.json()).toMatchObject({ type: "not_allowed", message: expect.stringContaining("x-publishable-api-key") })
    expect(changedTables(before, await fingerprint())).toEqual([])
  })
})
