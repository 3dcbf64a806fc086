import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { startHttpApp } from "../http-app.ts"
import type { HttpApp } from "../http-app.ts"

let t: HttpApp
beforeAll(async () => {
  t = await startHttpApp()
})
afterAll(() => t?.close())

const count = async (table: string) => Number((await t.rows<{ n: string }>(`select count(*)::text as n from "${table}" where deleted_at is null`))[0]?.n)
const address = { address_1: "1 Quay", city: "Rotterdam", country_code: "NL", postal_code: "3011" }

describe("GET /admin/stock-locations", () => {
  test("lists locations with their address, filtered by sales channel", async () => {
    const res = await t.admin.get("/admin/stock-locations")
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ count: 1, offset: 0, limit: 20 })
    const [location] = res.json().stock_locations
    expect(location).toMatchObject({ id: t.store.stockLocationId, name: "Warehouse", address: { address_1: "1 Dock St", country_code: "us" } })
    expect(Object.keys(location.address).sort()).toEqual(["address_1", "address_2", "city", "country_code", "id", "metadata", "phone", "postal_code", "province"])

    await t.admin.post("/admin/stock-locations", { name: "Elsewhere" })
    const inChannel = (await t.admin.get(`/admin/stock-locations?sales_channel_id=${t.store.salesChannelId}`)).json()
    expect(inChannel.stock_locations.map((l: { id: string }) => l.id)).toEqual([t.store.stockLocationId])
    const withSets = (await t.admin.get(`/admin/stock-locations/${t.store.stockLocationId}?fields=${encodeURIComponent("*fulfillment_sets,*sales_channels")}`)).json()
    expect(withSets.stock_location.fulfillment_sets.map((s: { id: string }) => s.id)).toEqual([t.store.fulfillmentSetId])
    expect(withSets.stock_location.sales_channels.map((s: { id: string }) => s.id)).toEqual([t.store.salesChannelId])
  })
})

describe("POST /admin/stock-locations and /:id", () => {
  test("creates a location with its address, updates it, and deletes it", async () => {
    const created = await t.admin.post("/admin/stock-locations", { name: "  Rotterdam  ", address, metadata: { dock: 4 } })
    expect(created.statusCode).toBe(200)
    const { stock_location } = created.json()
    expect(stock_location).toMatchObject({ name: "Rotterdam", metadata: { dock: 4 }, address: { city: "Rotterdam", country_code: "nl" } })
    expect(stock_location.id).toMatch(/^sloc_/)

    const updated = await t.admin.post(`/admin/stock-locations/${stock_location.id}`, { name: "Rotterdam port", address: { ...address, city: "Schiedam" } })
    expect(updated.json().stock_location).toMatchObject({ name: "Rotterdam port", address: { id: stock_location.address.id, city: "Schiedam" } })

    const deleted = await t.admin.delete(`/admin/stock-locations/${stock_location.id}`)
    expect(deleted.json()).toEqual({ id: stock_location.id, object: "stock_location", deleted: true })
    expect((await t.admin.get(`/admin/stock-locations/${stock_location.id}`)).statusCode).toBe(404)
  })

  test.each([
    ["no name", { address }, "name"],
    ["a blank name", { name: "  " }, "name"],
    ["an address without address_1", { name: "X", address: { country_code: "us" } }, "address_1"],
    ["a bad country code", { name: "X", address: { address_1: "1", country_code: "usa" } }, "country_code"],
    ["an unknown field", { name: "X", capacity: 3 }, "capacity"],
  ])("creating with %s is 400 naming the field, and nothing is created", async (_case, body, field) => {
    const before = [await count("stock_location"), await count("stock_location_address")]
    const res = await t.admin.post("/admin/stock-locations", body)
    expect(res.statusCode).toBe(400)
    expect(res.json().message).toContain(field)
    expect([await count("stock_location"), await count("stock_location_address")]).toEqual(before)
  })

  test("an invalid update is 400 and changes nothing; unknown locations are 404", async () => {
    const before = (await t.admin.get(`/admin/stock-locations/${t.store.stockLocationId}`)).json()
    expect((await t.admin.post(`/admin/stock-locations/${t.store.stockLocationId}`, { name: "" })).statusCode).toBe(400)
    expect((await t.admin.post(`/admin/stock-locations/${t.store.stockLocationId}`, { address: { city: "X" } })).statusCode).toBe(400)
    expect((await t.admin.get(`/admin/stock-locations/${t.store.stockLocationId}`)).json()).toEqual(before)

    for (const res of [
      await t.admin.get("/admin/stock-locations/sloc_missing"),
      await t.admin.post("/admin/stock-locations/sloc_missing", { name: "X" }),
      await t.admin.delete("/admin/stock-locations/sloc_missing"),
      await t.admin.post("/admin/stock-locations/sloc_missing/sales-channels", { add: [] }),
      await t.admin.post("/admin/stock-locations/sloc_missing/fulfillment-providers", { add: [] }),
      await t.admin.post("/admin/stock-locations/sloc_missing/fulfillment-sets", { name: "X", type: "shipping" }),
    ]) {
      expect(res.statusCode).toBe(404)
    }
    expect((await t.anonymous.get("/admin/stock-locations")).statusCode).toBe(401)
  })
})

describe("links of a location", () => {
  test("sales channels: add and remove; an unknown channel is 404 and links nothing", async () => {
    const { stock_location } = (await t.admin.post("/admin/stock-locations", { name: "Hub" })).json()
    const added = await t.admin.post(`/admin/stock-locations/${stock_location.id}/sales-channels`, { add: [t.store.salesChannelId] }, {
      query: { fields: "id,*sales_channels" },
    })
    expect(added.statusCode).toBe(200)
    expect(added.json().stock_location.sales_channels.map((c: { id: string }) => c.id)).toEqual([t.store.salesChannelId])

    const before = await count("sales_channel_stock_location")
    const unknown = await t.admin.post(`/admin/stock-locations/${stock_location.id}/sales-channels`, { add: ["sc_missing"], remove: [t.store.salesChannelId] })
    expect(unknown.statusCode).toBe(404)
    expect(await count("sales_channel_stock_location")).toBe(before)

    const removed = await t.admin.post(`/admin/stock-locations/${stock_location.id}/sales-channels`, { remove: [t.store.salesChannelId] }, {
      query: { fields: "id,*sales_channels" },
    })
    expect(removed.json().stock_location.sales_channels).toEqual([])
  })

  test("fulfillment providers: add manual_manual and remove it; an unknown provider is 404", async () => {
    const { stock_location } = (await t.admin.post("/admin/stock-locations", { name: "Providers" })).json()
    const fields = { fields: "+fulfillment_providers.id" }
    const added = await t.admin.post(`/admin/stock-locations/${stock_location.id}/fulfillment-providers`, { add: ["manual_manual"] }, { query: fields })
    expect(added.json().stock_location.fulfillment_providers).toEqual([{ id: "manual_manual" }])
    const unknown = await t.admin.post(`/admin/stock-locations/${stock_location.id}/fulfillment-providers`, { add: ["dhl_express"] })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().message).toBe("Fulfillment providers with ids dhl_express not found or not enabled")
    const removed = await t.admin.post(`/admin/stock-locations/${stock_location.id}/fulfillment-providers`, { remove: ["manual_manual"] }, { query: fields })
    expect(removed.json().stock_location.fulfillment_providers).toEqual([])
  })

  test("fulfillment sets: creates a shipping set served from the location; a bad type is 400", async () => {
    const { stock_location } = (await t.admin.post("/admin/stock-locations", { name: "Sets" })).json()
    const res = await t.admin.post(`/admin/stock-locations/${stock_location.id}/fulfillment-sets`, { name: "Sets shipping", type: "shipping" }, {
      query: { fields: "*fulfillment_sets" },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json().stock_location.fulfillment_sets).toMatchObject([{ name: "Sets shipping", type: "shipping" }])

    const before = await count("fulfillment_set")
    const bad = await t.admin.post(`/admin/stock-locations/${stock_location.id}/fulfillment-sets`, { name: "Teleport", type: "teleport" })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().message).toContain("type")
    const taken = await t.admin.post(`/admin/stock-locations/${stock_location.id}/fulfillment-sets`, { name: "Sets shipping", type: "pickup" })
    expect(taken.statusCode).toBe(422)
    expect(await count("fulfillment_set")).toBe(before)
  })

  test("deleting a location deletes its fulfillment sets and their shipping options", async () => {
    const { stock_location } = (await t.admin.post("/admin/stock-locations", { name: "Doomed" })).json()
    await t.admin.post(`/admin/stock-locations/${stock_location.id}/fulfillment-sets`, { name: "Doomed shipping", type: "shipping" })
    const [set] = (await t.admin.get(`/admin/stock-locations/${stock_location.id}?fields=*fulfillment_sets`)).json().stock_location.fulfillment_sets
    await t.admin.delete(`/admin/stock-locations/${stock_location.id}`)
    expect(await t.fulfillment.listFulfillmentSets({ id: set.id })).toEqual([])
  })
})
