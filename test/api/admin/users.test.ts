import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { startHttpApp } from "../http-app.ts"
import type { HttpApp } from "../http-app.ts"

let t: HttpApp
beforeAll(async () => {
  t = await startHttpApp()
})
afterAll(() => t?.close())

describe("/admin/users", () => {
  test("GET /admin/users/me is the signed-in admin", async () => {
    const res = await t.admin.get("/admin/users/me")
    expect(res.statusCode).toBe(200)
    expect(res.json().user).toEqual({
      id: expect.stringMatching(/^user_/),
      email: "admin@example.com",
      first_name: null,
      last_name: null,
      avatar_url: null,
      metadata: null,
      created_at: expect.any(String),
      updated_at: expect.any(String),
      deleted_at: null,
    })
    expect((await t.anonymous.get("/admin/users/me")).statusCode).toBe(401)
  })

  test("lists, retrieves and updates users", async () => {
    const me = (await t.admin.get("/admin/users/me")).json().user
    const list = (await t.admin.get("/admin/users?q=admin")).json()
    expect(list).toMatchObject({ count: 1, offset: 0, limit: 50, users: [{ id: me.id, email: "admin@example.com" }] })
    expect((await t.admin.get(`/admin/users/${me.id}?fields=email`)).json()).toEqual({ user: { id: me.id, email: "admin@example.com" } })

    const updated = await t.admin.post(`/admin/users/${me.id}`, { first_name: "Ada", last_name: "Lovelace" })
    expect(updated.json().user).toMatchObject({ first_name: "Ada", last_name: "Lovelace", email: "admin@example.com" })
  })

  test("an invalid update is 400 and changes nothing; an unknown user is 404", async () => {
    const me = (await t.admin.get("/admin/users/me")).json().user
    const badEmail = await t.admin.post(`/admin/users/${me.id}`, { email: "other@example.com" })
    expect(badEmail.statusCode).toBe(400)
    expect(badEmail.json().message).toContain("email")
    const badType = await t.admin.post(`/admin/users/${me.id}`, { first_name: 3 })
    expect(badType.statusCode).toBe(400)
    expect(badType.json().message).toContain("first_name")
    expect((await t.admin.get("/admin/users/me")).json().user).toEqual(me)

    expect((await t.admin.get("/admin/users/user_missing")).json()).toEqual({ type: "not_found", message: "User with id: user_missing was not found" })
    expect((await t.admin.post("/admin/users/user_missing", { first_name: "X" })).statusCode).toBe(404)
  })
})
