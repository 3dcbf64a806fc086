import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { startFixtureApp } from "../../setup/fixture-app.ts"
import type { FixtureApp } from "../../setup/fixture-app.ts"

let t: FixtureApp
let token: string

beforeAll(async () => {
  t = await startFixtureApp()
  token = await t.adminToken("guard@example.com", "guard-password")
})
afterAll(() => t?.close())

describe("the area guard on routes loaded from a folder", () => {
  test("an /admin route is guarded by default", async () => {
    const res = await t.request({ method: "GET", url: "/admin/private" })
    expect(res.statusCode).toBe(401)
    expect(res.json()).toEqual({ message: "Unauthorized" })
  })

  test("with a valid token the route sees req.auth_context", async () => {
    const res = await t.request({ method: "GET", url: "/admin/private", headers: { authorization: `Bearer ${token}` } })
    expect(res.statusCode).toBe(200)
    const [user] = await t.app.database.execute<{ id: string }>('select id from "user"')
    expect(res.json().auth_context).toEqual({
      actor_id: user?.id,
      actor_type: "user",
      auth_identity_id: expect.stringMatching(/^authid_/),
      app_metadata: { user_id: user?.id },
    })
  })

  test("an /admin route exporting AUTHENTICATE = false answers without a token", async () => {
    const res = await t.request({ method: "GET", url: "/admin/public" })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ public: true, auth_context: null })
  })

  test("an opted-out route is not handed a context, even for a valid token", async () => {
    const res = await t.request({ method: "GET", url: "/admin/public", headers: { authorization: `Bearer ${token}` } })
    expect(res.json()).toEqual({ public: true, auth_context: null })
  })

  test("/store routes are not behind the admin guard", async () => {
    const res = await t.request({ method: "GET", url: "/store/echo/1" })
    expect(res.statusCode).toBe(200)
  })
})
