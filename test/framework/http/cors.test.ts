import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { startFixtureApp } from "../../setup/fixture-app.ts"
import type { FixtureApp } from "../../setup/fixture-app.ts"

const STORE = "http://store.test"
const ADMIN = "http://admin.test"
const AUTH = "http://auth.test"

let t: FixtureApp

beforeAll(async () => {
  t = await startFixtureApp({
    projectConfig: {
      http: { storeCors: STORE, adminCors: `${ADMIN}, /\\.example\\.com$/`, authCors: `${AUTH},${ADMIN}` },
    },
  })
})
afterAll(() => t?.close())

const get = (url: string, origin: string) => t.request({ method: "GET", url, headers: { origin } })
const preflight = (url: string, origin: string, method = "POST") =>
  t.request({
    method: "OPTIONS",
    url,
    headers: { origin, "access-control-request-method": method, "access-control-request-headers": "content-type,authorization" },
  })

describe("CORS per area", () => {
  test("/store allows storeCors origins only", async () => {
    const allowed = await get("/store/echo/1", STORE)
    expect(allowed.statusCode).toBe(200)
    expect(allowed.headers["access-control-allow-origin"]).toBe(STORE)
    expect(allowed.headers["access-control-allow-credentials"]).toBe("true")

    const adminOrigin = await get("/store/echo/1", ADMIN)
    expect(adminOrigin.statusCode).toBe(200) // CORS is the browser's decision; the server just does not allow it
    expect(adminOrigin.headers["access-control-allow-origin"]).toBeUndefined()
  })

  test("/admin allows adminCors origins only", async () => {
    expect((await get("/admin/public", ADMIN)).headers["access-control-allow-origin"]).toBe(ADMIN)
    expect((await get("/admin/public", STORE)).headers["access-control-allow-origin"]).toBeUndefined()
  })

  test("/auth allows authCors origins only", async () => {
    const res = await t.request({ method: "POST", url: "/auth/user/emailpass", headers: { origin: AUTH }, payload: {} })
    expect(res.headers["access-control-allow-origin"]).toBe(AUTH)
    const store = await t.request({ method: "POST", url: "/auth/user/emailpass", headers: { origin: STORE }, payload: {} })
    expect(store.headers["access-control-allow-origin"]).toBeUndefined()
  })

  test("a /regex/ entry matches origins by pattern, and only those", async () => {
    expect((await get("/admin/public", "https://dash.example.com")).headers["access-control-allow-origin"]).toBe(
      "https://dash.example.com",
    )
    for (const origin of ["https://example.com.evil.test", "https://evilexample.com", "https://example.com"]) {
      expect((await get("/admin/public", origin)).headers["access-control-allow-origin"], origin).toBeUndefined()
    }
  })

  test("an origin is matched exactly, not by prefix", async () => {
    expect((await get("/store/echo/1", `${STORE}.evil.test`)).headers["access-control-allow-origin"]).toBeUndefined()
    expect((await get("/store/echo/1", "https://store.test")).headers["access-control-allow-origin"]).toBeUndefined()
  })

  test("a path that only starts like an area (/storefront) is not in it", async () => {
    expect((await get("/storefront", STORE)).headers["access-control-allow-origin"]).toBeUndefined()
  })

  test("outside the areas no origin is allowed", async () => {
    expect((await get("/health", STORE)).headers["access-control-allow-origin"]).toBeUndefined()
  })
})

describe("CORS preflight", () => {
  test("an allowed origin gets 204 with the origin, credentials and the requested headers", async () => {
    const res = await preflight("/store/echo/1", STORE)
    expect(res.statusCode).toBe(204)
    expect(res.headers["access-control-allow-origin"]).toBe(STORE)
    expect(res.headers["access-control-allow-credentials"]).toBe("true")
    expect(String(res.headers["access-control-allow-headers"]).toLowerCase()).toContain("authorization")
  })

  test("is answered on /admin without a token (the guard is not in the way)", async () => {
    const res = await preflight("/admin/private", ADMIN, "GET")
    expect(res.statusCode).toBe(204)
    expect(res.headers["access-control-allow-origin"]).toBe(ADMIN)
  })

  test("allows the methods an admin sends: DELETE, PUT and PATCH too", async () => {
    const res = await preflight("/store/echo/1", STORE, "DELETE")
    const methods = String(res.headers["access-control-allow-methods"]).split(",").map((m) => m.trim())
    expect(methods).toEqual(expect.arrayContaining(["GET", "POST", "DELETE", "PUT", "PATCH"]))
  })

  test("a disallowed origin gets no access-control-allow-origin", async () => {
    const res = await preflight("/admin/private", "http://evil.test", "GET")
    expect(res.headers["access-control-allow-origin"]).toBeUndefined()
  })
})

describe("CORS with an empty list", () => {
  test("an area with no origins configured allows none", async () => {
    const bare = await startFixtureApp({ projectConfig: { http: { storeCors: "", adminCors: ADMIN, authCors: "" } } })
    try {
      expect((await bare.request({ method: "GET", url: "/store/echo/1", headers: { origin: STORE } })).headers[
        "access-control-allow-origin"
      ]).toBeUndefined()
      expect((await bare.request({ method: "GET", url: "/admin/public", headers: { origin: ADMIN } })).headers[
        "access-control-allow-origin"
      ]).toBe(ADMIN)
    } finally {
      await bare.close()
    }
  })
})
