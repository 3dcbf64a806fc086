import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { startHttpApp } from "../http-app.ts"
import type { HttpApp } from "../http-app.ts"

let t: HttpApp
beforeAll(async () => {
  t = await startHttpApp()
})
afterAll(() => t?.close())

const count = async (table: string) => Number((await t.rows<{ n: string }>(`select count(*)::text as n from "${table}" where deleted_at is null`))[0]?.n)

async function newSet(name: string): Promise<string> {
  const { stock_location } = (await t.admin.post("/admin/stock-locations", { name: `${name} location` })).json()
  await t.admin.post(`/admin/stock-locations/${stock_location.id}/fulfillment-sets`, { name, type: "shipping" })
  const location = (await t.admin.get(`/admin/stock-locations/${stock_location.id}?fields=*fulfillment_sets`)).json().stock_location
  return location.fulfillment_sets[0].id
}

describe("POST /admin/fulfillment-sets/:id/service-zones", () => {
  test("adds a zone with its geo zones and answers with the set", async () => {
    const setId = await newSet("Europe shipping")
    const res = await t.admin.post(`/admin/fulfillment-sets/${setId}/service-zones`, {
      name: "EU",
      geo_zones: [
        { type: "country", country_code: "fr" },
        { type: "zip", country_code: "de", province_code: "be", city: "Berlin", postal_expression: "10*" },
      ],
    })
    expect(res.statusCode).toBe(200)
    const set = res.json().fulfillment_set
    expect(set).toMatchObject({ id: setId, name: "Europe shipping", type: "shipping", service_zones: [{ name: "EU" }] })
    expect(set.service_zones[0].id).toMatch(/^serzo_/)
    expect(set.service_zones[0].geo_zones.map((zone: { type: string; country_code: string }) => [zone.type, zone.country_code]).sort()).toEqual([
      ["country", "fr"],
      ["zip", "de"],
    ])
  })

  test("a geo zone missing a field, without a type, or an unknown field is 400 and creates nothing", async () => {
    const setId = await newSet("Bad zones")
    const before = [await count("service_zone"), await count("geo_zone")]
    for (const body of [
      { name: "A", geo_zones: [{ type: "province", country_code: "us" }] },
      { name: "B", geo_zones: [{ country_code: "us" }] },
      { name: "C", geo_zones: [{ type: "country", country_code: "usa" }] },
      { geo_zones: [] },
      { name: "D", colour: "red" },
    ]) {
      const res = await t.admin.post(`/admin/fulfillment-sets/${setId}/service-zones`, body)
      expect(res.statusCode, JSON.stringify(body)).toBe(400)
    }
    expect([await count("service_zone"), await count("geo_zone")]).toEqual(before)
  })

  test("an unknown set is 404; no token is 401", async () => {
    const res = await t.admin.post("/admin/fulfillment-sets/fuset_missing/service-zones", { name: "X" })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({ type: "not_found", message: "Fulfillment set with id: fuset_missing was not found" })
    expect((await t.anonymous.post("/admin/fulfillment-sets/fuset_missing/service-zones", { name: "X" })).statusCode).toBe(401)
  })
})

describe("DELETE /admin/fulfillment-sets/:id", () => {
  test("deletes the set with its zones; an unknown set is 404", async () => {
    const setId = await newSet("Short-lived")
    await t.admin.post(`/admin/fulfillment-sets/${setId}/service-zones`, { name: "Short zone", geo_zones: [{ type: "country", country_code: "it" }] })
    const res = await t.admin.delete(`/admin/fulfillment-sets/${setId}`)
    expect(res.json()).toEqual({ id: setId, object: "fulfillment_set", deleted: true })
    expect(await t.fulfillment.listServiceZones({ fulfillment_set_id: setId })).toEqual([])
    expect((await t.admin.delete(`/admin/fulfillment-sets/${setId}`)).statusCode).toBe(404)
  })
})

describe("GET /admin/fulfillment-providers", () => {
  test("lists the configured providers, and those of a stock location", async () => {
    const all = await t.admin.get("/admin/fulfillment-providers")
    expect(all.statusCode).toBe(200)
    expect(all.json()).toEqual({ fulfillment_providers: [{ id: "manual_manual", is_enabled: true }], count: 1, offset: 0, limit: 20 })

    expect((await t.admin.get(`/admin/fulfillment-providers?stock_location_id=${t.store.stockLocationId}`)).json().fulfillment_providers).toEqual([])
    await t.admin.post(`/admin/stock-locations/${t.store.stockLocationId}/fulfillment-providers`, { add: ["manual_manual"] })
    expect((await t.admin.get(`/admin/fulfillment-providers?stock_location_id=${t.store.stockLocationId}`)).json().fulfillment_providers).toEqual([
      { id: "manual_manual", is_enabled: true },
    ])
    expect((await t.admin.get("/admin/fulfillment-providers?is_enabled=false")).json().count).toBe(0)
  })

  test("an unknown filter is 400; no token is 401", async () => {
    expect((await t.admin.get("/admin/fulfillment-providers?region_id=reg_1")).statusCode).toBe(400)
    expect((await t.anonymous.get("/admin/fulfillment-providers")).statusCode).toBe(401)
  })
})
