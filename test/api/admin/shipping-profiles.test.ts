import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { startHttpApp } from "../http-app.ts"
import type { HttpApp } from "../http-app.ts"

let t: HttpApp
beforeAll(async () => {
  t = await startHttpApp()
})
afterAll(() => t?.close())

const profileCount = async () => Number((await t.rows<{ n: string }>(`select count(*)::text as n from "shipping_profile" where deleted_at is null`))[0]?.n)

describe("/admin/shipping-profiles", () => {
  test("lists profiles; the seeded default is found by type", async () => {
    const res = await t.admin.get("/admin/shipping-profiles?type=default")
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ count: 1, offset: 0, limit: 20 })
    expect(res.json().shipping_profiles[0]).toEqual({
      id: t.store.shippingProfileId,
      name: expect.any(String),
      type: "default",
      metadata: null,
      created_at: expect.any(String),
      updated_at: expect.any(String),
      deleted_at: null,
    })
  })

  test("creates, retrieves and deletes a profile", async () => {
    const created = await t.admin.post("/admin/shipping-profiles", { name: "Gift cards", type: "gift_card" })
    expect(created.statusCode).toBe(200)
    const { shipping_profile } = created.json()
    expect(shipping_profile).toMatchObject({ name: "Gift cards", type: "gift_card" })
    expect(shipping_profile.id).toMatch(/^sp_/)
    expect((await t.admin.get(`/admin/shipping-profiles/${shipping_profile.id}?fields=name`)).json()).toEqual({
      shipping_profile: { id: shipping_profile.id, name: "Gift cards" },
    })
    expect((await t.admin.delete(`/admin/shipping-profiles/${shipping_profile.id}`)).json()).toEqual({
      id: shipping_profile.id,
      object: "shipping_profile",
      deleted: true,
    })
    expect((await t.admin.get(`/admin/shipping-profiles/${shipping_profile.id}`)).statusCode).toBe(404)
  })

  test("bad bodies are 400, a taken name 422, a profile in use cannot be deleted; nothing changes", async () => {
    const before = await profileCount()
    for (const [body, field] of [[{ type: "default" }, "name"], [{ name: "X" }, "type"], [{ name: "X", type: "default", rank: 1 }, "rank"]] as const) {
      const res = await t.admin.post("/admin/shipping-profiles", body)
      expect(res.statusCode).toBe(400)
      expect(res.json().message).toContain(field)
    }
    const seededName = (await t.admin.get(`/admin/shipping-profiles/${t.store.shippingProfileId}`)).json().shipping_profile.name
    expect((await t.admin.post("/admin/shipping-profiles", { name: seededName, type: "default" })).statusCode).toBe(422)
    const inUse = await t.admin.delete(`/admin/shipping-profiles/${t.store.shippingProfileId}`)
    expect(inUse.statusCode).toBe(400)
    expect(inUse.json().type).toBe("not_allowed")
    expect(await profileCount()).toBe(before)
  })

  test("unknown profiles are 404; no token is 401", async () => {
    expect((await t.admin.get("/admin/shipping-profiles/sp_missing")).json()).toEqual({
      type: "not_found",
      message: "Shipping profile with id: sp_missing was not found",
    })
    expect((await t.admin.delete("/admin/shipping-profiles/sp_missing")).statusCode).toBe(404)
    expect((await t.anonymous.get("/admin/shipping-profiles")).statusCode).toBe(401)
  })
})
