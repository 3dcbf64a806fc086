import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { startTestApp } from "../../setup/test-app.ts"
import type { TestApp } from "../../setup/test-app.ts"

let t: TestApp
let auth: { authorization: string }

beforeAll(async () => {
  t = await startTestApp()
  auth = { authorization: `Bearer ${await t.adminToken()}` }
})
afterAll(() => t.close())

describe("admin brands", () => {
  test("an admin creates, lists, retrieves, updates and deletes a brand", async () => {
    const created = await t.request({ method: "POST", url: "/admin/brands", headers: auth, payload: { name: "Acme" } })
    expect(created.statusCode).toBe(200)
    const brand = created.json().brand
    expect(brand).toMatchObject({ name: "Acme", description: null })
    expect(brand.id).toMatch(/^brand_[0-9A-HJKMNP-TV-Z]{26}$/)

    const list = await t.request({ method: "GET", url: "/admin/brands", headers: auth })
    expect(list.json()).toMatchObject({ count: 1, offset: 0, limit: 20, brands: [{ id: brand.id, name: "Acme" }] })
    const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
    expect(list.json().brands[0].created_at).toMatch(iso)
    expect(list.json().brands[0].updated_at).toMatch(iso)
    expect(brand.created_at).toMatch(iso)

    const updated = await t.request({
      method: "POST",
      url: `/admin/brands/${brand.id}`,
      headers: auth,
      payload: { description: "Anvils" },
    })
    expect(updated.json().brand).toMatchObject({ id: brand.id, name: "Acme", description: "Anvils" })

    const deleted = await t.request({ method: "DELETE", url: `/admin/brands/${brand.id}`, headers: auth })
    expect(deleted.json()).toEqual({ id: brand.id, object: "brand", deleted: true })
    const gone = await t.request({ method: "GET", url: `/admin/brands/${brand.id}`, headers: auth })
    expect(gone.statusCode).toBe(404)
    expect(gone.json()).toEqual({ type: "not_found", message: `Brand with id: ${brand.id} was not found` })
  })
})
