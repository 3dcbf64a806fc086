import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { startHttpApp } from "../http-app.ts"
import type { HttpApp } from "../http-app.ts"

let t: HttpApp
beforeAll(async () => {
  t = await startHttpApp()
})
afterAll(() => t?.close())

describe("/admin/stores", () => {
  test("lists the store with its default sales channel, region and currencies", async () => {
    const res = await t.admin.get("/admin/stores")
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ count: 1, offset: 0, limit: 50 })
    expect(body.stores[0]).toMatchObject({
      id: t.store.storeId,
      name: "Agora Test Store",
      default_sales_channel_id: t.store.salesChannelId,
      default_region_id: t.store.regions.usd.id,
      default_location_id: null,
    })
    expect(body.stores[0].supported_currencies.map((c: { currency_code: string; is_default: boolean }) => [c.currency_code, c.is_default]).sort()).toEqual([
      ["eur", false],
      ["usd", true],
    ])
  })

  test("retrieves and updates the store: name, defaults and currencies", async () => {
    expect((await t.admin.get(`/admin/stores/${t.store.storeId}?fields=name`)).json()).toEqual({ store: { id: t.store.storeId, name: "Agora Test Store" } })
    const res = await t.admin.post(`/admin/stores/${t.store.storeId}`, {
      name: "Renamed",
      default_location_id: t.store.stockLocationId,
      default_region_id: t.store.regions.eur.id,
      supported_currencies: [{ currency_code: "eur", is_default: true }, { currency_code: "usd" }],
    })
    expect(res.statusCode).toBe(200)
    expect(res.json().store).toMatchObject({ name: "Renamed", default_location_id: t.store.stockLocationId, default_region_id: t.store.regions.eur.id })
    const defaults = res.json().store.supported_currencies.filter((c: { is_default: boolean }) => c.is_default)
    expect(defaults.map((c: { currency_code: string }) => c.currency_code)).toEqual(["eur"])
  })

  test("a default that does not exist, two default currencies or an unknown field are 400 and change nothing", async () => {
    const before = (await t.admin.get(`/admin/stores/${t.store.storeId}`)).json().store
    const missing = await t.admin.post(`/admin/stores/${t.store.storeId}`, { name: "X", default_sales_channel_id: "sc_missing" })
    expect(missing.statusCode).toBe(400)
    expect(missing.json().message).toBe("default_sales_channel_id: Sales channel with id: sc_missing was not found")
    const twoDefaults = await t.admin.post(`/admin/stores/${t.store.storeId}`, {
      supported_currencies: [{ currency_code: "usd", is_default: true }, { currency_code: "gbp", is_default: true }],
    })
    expect(twoDefaults.statusCode).toBe(400)
    expect(twoDefaults.json().message).toContain("supported_currencies")
    const unknown = await t.admin.post(`/admin/stores/${t.store.storeId}`, { theme: "dark" })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().message).toContain("theme")
    expect((await t.admin.get(`/admin/stores/${t.store.storeId}`)).json().store).toEqual(before)
  })

  test("an unknown store is 404; no token is 401", async () => {
    expect((await t.admin.get("/admin/stores/store_missing")).json()).toEqual({ type: "not_found", message: "Store with id: store_missing was not found" })
    expect((await t.admin.post("/admin/stores/store_missing", { name: "X" })).statusCode).toBe(404)
    expect((await t.anonymous.get("/admin/stores")).statusCode).toBe(401)
  })
})
