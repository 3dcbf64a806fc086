import path from "node:path"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { loadRoutes, toRoutePath } from "../../../src/framework/http/index.ts"
import { FIXTURE_API_DIR, startFixtureApp } from "../../setup/fixture-app.ts"
import type { FixtureApp } from "../../setup/fixture-app.ts"

describe("the route loader", () => {
  test("maps every route.ts folder to a path, [param] folders to :param, one route per exported method", async () => {
    const routes = await loadRoutes(FIXTURE_API_DIR)
    const found = routes.map((route) => `${route.method} ${route.path}`)

    expect(found).toEqual(
      expect.arrayContaining([
        "GET /store/echo/:id",
        "POST /store/echo/:id",
        "DELETE /store/echo/:id",
        "GET /store/echo/:id/items/:item_id",
        "POST /auth/:actor_type/:auth_provider",
        "GET /admin/public",
      ]),
    )
    expect(found).not.toContain("PUT /store/echo/:id")
    expect(found).not.toContain("PATCH /store/echo/:id")
    // validators.ts and middlewares.ts sit beside the routes but are not routes.
    expect(routes.every((route) => path.basename(route.file) === "route.ts")).toBe(true)
  })

  test("a route exporting AUTHENTICATE = false opts out of the area guard; others keep it", async () => {
    const routes = await loadRoutes(FIXTURE_API_DIR)
    const byPath = (p: string) => routes.find((route) => route.path === p)
    expect(byPath("/admin/public")?.authenticate).toBe(false)
    expect(byPath("/admin/private")?.authenticate).toBe(true)
  })

  test("an API folder that does not exist has no routes", async () => {
    expect(await loadRoutes(path.join(FIXTURE_API_DIR, "no-such-folder"))).toEqual([])
  })

  test("folder names become path segments", () => {
    expect(toRoutePath(".")).toBe("/")
    expect(toRoutePath(path.join("admin", "brands"))).toBe("/admin/brands")
    expect(toRoutePath(path.join("store", "carts", "[id]", "line-items", "[line_id]"))).toBe(
      "/store/carts/:id/line-items/:line_id",
    )
  })
})

describe("routes served from the fixture API folder", () => {
  let t: FixtureApp
  beforeAll(async () => {
    t = await startFixtureApp()
  })
  afterAll(() => t?.close())

  test("an [id] folder's value arrives decoded in req.params", async () => {
    const res = await t.request({ method: "GET", url: "/store/echo/prod%20123" })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ method: "GET", params: { id: "prod 123" } })
  })

  test("nested [param] folders each fill their own param", async () => {
    const res = await t.request({ method: "GET", url: "/store/echo/cart_1/items/item_2" })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ params: { id: "cart_1", item_id: "item_2" } })
  })

  test("each exported method answers with its own handler", async () => {
    for (const method of ["GET", "POST", "DELETE"] as const) {
      const res = await t.request({ method, url: "/store/echo/1", ...(method === "POST" ? { payload: { a: 1 } } : {}) })
      expect(res.statusCode, method).toBe(200)
      expect(res.json().method).toBe(method)
    }
  })

  test("a method the route file does not export is 404 not_found", async () => {
    for (const method of ["PUT", "PATCH"] as const) {
      const res = await t.request({ method, url: "/store/echo/1", payload: {} })
      expect(res.statusCode, method).toBe(404)
      expect(res.json()).toEqual({ type: "not_found", message: `Cannot ${method} /store/echo/1` })
    }
  })

  test("an unknown route is 404 { type: not_found, message } naming the path without its query", async () => {
    const res = await t.request({ method: "GET", url: "/store/nothing-here?x=1" })
    expect(res.statusCode).toBe(404)
    expect(res.headers["content-type"]).toMatch(/^application\/json/)
    expect(res.json()).toEqual({ type: "not_found", message: "Cannot GET /store/nothing-here" })
  })

  test("GET /health answers 200", async () => {
    const res = await t.request({ method: "GET", url: "/health" })
    expect(res.statusCode).toBe(200)
    expect(res.body).toBe("OK")
  })

  test("the app's own routes are not served from a fixture API folder", async () => {
    const res = await t.request({ method: "GET", url: "/admin/brands" })
    expect(res.statusCode).toBe(404)
  })
})
