import path from "node:path"
import jwt from "jsonwebtoken"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { loadRoutes } from "../../../src/framework/http/index.ts"
import type { HttpMethod } from "../../../src/framework/http/index.ts"
import { PROJECT_ROOT, startTestApp } from "../../setup/test-app.ts"
import type { TestApp } from "../../setup/test-app.ts"

const UNAUTHORIZED_BODY = JSON.stringify({ message: "Unauthorized" })

let t: TestApp
let token: string
let secret: string
let adminRoutes: { method: HttpMethod; url: string }[]

beforeAll(async () => {
  t = await startTestApp()
  token = await t.adminToken()
  secret = t.app.config.projectConfig.http.jwtSecret
  // Every /admin route the app serves, so a new route is covered as soon as it exists.
  adminRoutes = (await loadRoutes(path.join(PROJECT_ROOT, "src", "api")))
    .filter((route) => route.path.startsWith("/admin/") && route.authenticate)
    .map((route) => ({ method: route.method, url: route.path.replace(/:\w+/g, "brand_01JGUARDED0000000000000000") }))
})
afterAll(() => t?.close())

function claims(): Record<string, unknown> {
  const [, payload] = token.split(".")
  return JSON.parse(Buffer.from(payload ?? "", "base64url").toString()) as Record<string, unknown>
}

/** Changes a character in the middle, where every bit of it is part of the signature. */
function flipOneCharacter(signature: string): string {
  const at = Math.floor(signature.length / 2)
  return `${signature.slice(0, at)}${signature[at] === "A" ? "B" : "A"}${signature.slice(at + 1)}`
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url")
const now = () => Math.floor(Date.now() / 1000)

/** Authorization headers the guard must refuse, each with why. */
function refusedHeaders(): [string, string | undefined][] {
  const { iat: _iat, exp: _exp, ...payload } = claims()
  const [header, body, signature] = token.split(".")
  return [
    ["no Authorization header", undefined],
    ["a tampered payload", `Bearer ${header}.${base64url({ ...claims(), actor_id: "user_someone_else" })}.${signature}`],
    ["a tampered signature", `Bearer ${header}.${body}.${flipOneCharacter(signature ?? "")}`],
    ["an expired token", `Bearer ${jwt.sign({ ...payload, iat: now() - 7200, exp: now() - 60 }, secret, { algorithm: "HS256" })}`],
    ["a token signed with another secret", `Bearer ${jwt.sign(payload, `${secret}-other`, { algorithm: "HS256", expiresIn: "1h" })}`],
    ["an alg: none token", `Bearer ${base64url({ alg: "none", typ: "JWT" })}.${base64url({ ...payload, iat: now() })}.`],
    ["a token signed HS512", `Bearer ${jwt.sign(payload, secret, { algorithm: "HS512", expiresIn: "1h" })}`],
    [
      "a customer's token",
      `Bearer ${jwt.sign({ ...payload, actor_type: "customer", actor_id: "cus_01", app_metadata: { customer_id: "cus_01" } }, secret, { algorithm: "HS256", expiresIn: "1h" })}`,
    ],
    ["a user token with no actor yet", `Bearer ${jwt.sign({ ...payload, actor_id: "" }, secret, { algorithm: "HS256", expiresIn: "1h" })}`],
    ["a token without the actor claims", `Bearer ${jwt.sign({ sub: "user_01" }, secret, { algorithm: "HS256", expiresIn: "1h" })}`],
    ["the scheme alone", "Bearer"],
    ["the scheme and a space", "Bearer "],
    ["the token without a scheme", token],
    ["another scheme", `Token ${token}`],
    ["Basic credentials", `Basic ${Buffer.from(`admin@example.com:secret-password`).toString("base64")}`],
    ["extra words after the token", `Bearer ${token} extra`],
    ["a value that is not a JWT", "Bearer not-a-jwt"],
  ]
}

describe("the /admin guard", () => {
  test("a valid token opens every admin route (it may then be 404, never 401)", async () => {
    expect(adminRoutes.length).toBeGreaterThan(0)
    const list = await t.request({ method: "GET", url: "/admin/brands", headers: { authorization: `Bearer ${token}` } })
    expect(list.statusCode).toBe(200)
    for (const route of adminRoutes) {
      const res = await t.request({ ...route, headers: { authorization: `Bearer ${token}` }, payload: route.method === "GET" ? undefined : {} })
      expect(res.statusCode, `${route.method} ${route.url}`).not.toBe(401)
    }
  })

  test("the scheme is case-insensitive", async () => {
    const res = await t.request({ method: "GET", url: "/admin/brands", headers: { authorization: `bearer ${token}` } })
    expect(res.statusCode).toBe(200)
  })

  test("refuses every admin route with 401 and exactly { message: Unauthorized } for each bad credential", async () => {
    for (const [why, authorization] of refusedHeaders()) {
      for (const route of adminRoutes) {
        const res = await t.request({
          ...route,
          headers: authorization === undefined ? {} : { authorization },
          payload: route.method === "GET" ? undefined : { name: "Sneaky" },
        })
        const label = `${why}: ${route.method} ${route.url}`
        expect(res.statusCode, label).toBe(401)
        expect(res.body, label).toBe(UNAUTHORIZED_BODY)
      }
    }
    const [row] = await t.app.database.execute<{ count: string }>('select count(*) as count from "brand"')
    expect(Number(row?.count)).toBe(0) // no refused request wrote anything
  })

  test("guards the HEAD twin of each GET route too", async () => {
    const res = await t.request({ method: "HEAD", url: "/admin/brands" })
    expect(res.statusCode).toBe(401)
    const allowed = await t.request({ method: "HEAD", url: "/admin/brands", headers: { authorization: `Bearer ${token}` } })
    expect(allowed.statusCode).toBe(200)
  })

  test("runs before validation: an invalid body without a token is 401, not 400", async () => {
    const res = await t.request({ method: "POST", url: "/admin/brands", payload: { nonsense: true } })
    expect(res.statusCode).toBe(401)
    expect(res.body).toBe(UNAUTHORIZED_BODY)
  })

  test("runs before the query is read: an unknown route id without a token is 401, not 404", async () => {
    const res = await t.request({ method: "GET", url: "/admin/brands/brand_missing?fields=nope" })
    expect(res.statusCode).toBe(401)
  })
})
