import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { startHttpApp } from "../http-app.ts"
import type { HttpApp } from "../http-app.ts"

let t: HttpApp
beforeAll(async () => {
  t = await startHttpApp()
})
afterAll(() => t?.close())

const regionCount = async () => Number((await t.rows<{ n: string }>(`select count(*)::text as n from "region" where deleted_at is null`))[0]?.n)
const holderOf = async (iso2: string) => (await t.rows<{ region_id: string | null }>(`select region_id from region_country where iso_2 = ?`, [iso2]))[0]?.region_id

describe("GET /admin/regions", () => {
  test("lists regions with their countries in the list envelope", async () => {
    const res = await t.admin.get("/admin/regions")
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ count: 2, offset: 0, limit: 50 })
    const usd = body.regions.find((region: { id: string }) => region.id === t.store.regions.usd.id)
    expect(Object.keys(usd).sort()).toEqual(
      ["automatic_taxes", "countries", "created_at", "currency_code", "deleted_at", "id", "metadata", "name", "updated_at"].sort(),
    )
    expect(usd.countries.map((country: { iso_2: string }) => country.iso_2).sort()).toEqual(["ca", "us"])
    expect(usd.countries[0]).toMatchObject({ iso_3: expect.any(String), display_name: expect.any(String), region_id: usd.id })
  })

  test("filters by currency and q, pages, and adds payment providers on request", async () => {
    const eur = (await t.admin.get("/admin/regions?currency_code=eur")).json()
    expect(eur.regions.map((region: { id: string }) => region.id)).toEqual([t.store.regions.eur.id])
    expect((await t.admin.get("/admin/regions?q=germ")).json().count).toBe(1)
    expect((await t.admin.get("/admin/regions?limit=1&offset=1")).json()).toMatchObject({ count: 2, offset: 1, limit: 1 })

    const withProviders = (await t.admin.get(`/admin/regions/${t.store.regions.usd.id}?fields=${encodeURIComponent("+payment_providers.*")}`)).json()
    expect(withProviders.region.payment_providers).toMatchObject([{ id: "pp_system_default", is_enabled: true }])
  })

  test("an unknown filter or field is 400 naming it; no token is 401", async () => {
    const unknown = await t.admin.get("/admin/regions?colour=red")
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().message).toContain("colour")
    expect((await t.admin.get("/admin/regions?fields=nmae")).statusCode).toBe(400)
    const anonymous = await t.anonymous.get("/admin/regions")
    expect(anonymous.statusCode).toBe(401)
    expect(anonymous.json()).toEqual({ message: "Unauthorized" })
  })
})

describe("POST /admin/regions", () => {
  test("creates a region with countries and the system payment provider", async () => {
    const res = await t.admin.post("/admin/regions", { name: "Nordics", currency_code: "SEK", countries: ["se", "no"], payment_providers: ["pp_system_default"] })
    expect(res.statusCode).toBe(200)
    const { region } = res.json()
    expect(region).toMatchObject({ name: "Nordics", currency_code: "sek", automatic_taxes: true })
    expect(region.id).toMatch(/^reg_/)
    expect(region.countries.map((country: { iso_2: string }) => country.iso_2).sort()).toEqual(["no", "se"])
    expect(await holderOf("se")).toBe(region.id)

    const storefront = (await t.storefront.get(`/store/regions/${region.id}`)).json()
    expect(storefront.region.name).toBe("Nordics")
  })

  test("a country already in another region is 400 and nothing is created", async () => {
    const before = await regionCount()
    const res = await t.admin.post("/admin/regions", { name: "USA", currency_code: "usd", countries: ["us"] })
    expect(res.statusCode).toBe(400)
    expect(res.json().type).toBe("invalid_data")
    expect(res.json().message).toMatch(/^Countries with codes: "us" are already assigned to a region/)
    expect(await regionCount()).toBe(before)
  })

  test.each([
    ["no name", { currency_code: "usd" }, "name"],
    ["a bad currency", { name: "X", currency_code: "dollars" }, "currency_code"],
    ["a bad country code", { name: "X", currency_code: "usd", countries: ["usa"] }, "countries"],
    ["an unknown field", { name: "X", currency_code: "usd", vat: 20 }, "vat"],
  ])("%s is 400 naming the field, and nothing is created", async (_case, body, field) => {
    const before = await regionCount()
    const res = await t.admin.post("/admin/regions", body)
    expect(res.statusCode).toBe(400)
    expect(res.json().message).toContain(field)
    expect(await regionCount()).toBe(before)
  })

  test("an unknown country or payment provider is refused and nothing is created", async () => {
    const before = await regionCount()
    const country = await t.admin.post("/admin/regions", { name: "Atlantis", currency_code: "usd", countries: ["zz"] })
    expect(country.statusCode).toBe(400)
    expect(country.json().message).toContain('"zz"')
    const provider = await t.admin.post("/admin/regions", { name: "Iberia", currency_code: "eur", countries: ["es"], payment_providers: ["pp_stripe"] })
    expect(provider.statusCode).toBe(404)
    expect(provider.json().message).toBe("Payment providers with ids pp_stripe not found or not enabled")
    expect(await regionCount()).toBe(before)
    expect(await holderOf("es")).toBeNull()
  })
})

describe("GET, POST and DELETE /admin/regions/:id", () => {
  test("retrieves, updates countries and providers, and deletes a region, freeing its countries", async () => {
    const { region } = (await t.admin.post("/admin/regions", { name: "Baltics", currency_code: "eur", countries: ["ee"] })).json()

    const got = await t.admin.get(`/admin/regions/${region.id}?fields=name,currency_code`)
    expect(got.json()).toEqual({ region: { id: region.id, name: "Baltics", currency_code: "eur" } })

    const updated = await t.admin.post(`/admin/regions/${region.id}`, { name: "Baltic states", countries: ["ee", "lv"], payment_providers: ["pp_system_default"] }, {
      query: { fields: "+payment_providers.id" },
    })
    expect(updated.statusCode).toBe(200)
    expect(updated.json().region).toMatchObject({ name: "Baltic states", payment_providers: [{ id: "pp_system_default" }] })
    expect(updated.json().region.countries.map((c: { iso_2: string }) => c.iso_2).sort()).toEqual(["ee", "lv"])

    const deleted = await t.admin.delete(`/admin/regions/${region.id}`)
    expect(deleted.json()).toEqual({ id: region.id, object: "region", deleted: true })
    expect((await t.admin.get(`/admin/regions/${region.id}`)).statusCode).toBe(404)
    expect(await holderOf("lv")).toBeNull()
  })

  test("an invalid update is 400 and changes nothing", async () => {
    const { region } = (await t.admin.post("/admin/regions", { name: "Alps", currency_code: "chf", countries: ["ch"] })).json()
    const taken = await t.admin.post(`/admin/regions/${region.id}`, { name: "Alps+", countries: ["ch", "de"] })
    expect(taken.statusCode).toBe(400)
    expect(taken.json().message).toContain('"de"')
    const badType = await t.admin.post(`/admin/regions/${region.id}`, { automatic_taxes: "yes" })
    expect(badType.statusCode).toBe(400)
    expect(badType.json().message).toContain("automatic_taxes")

    const after = (await t.admin.get(`/admin/regions/${region.id}`)).json().region
    expect(after.name).toBe("Alps")
    expect(after.countries.map((c: { iso_2: string }) => c.iso_2)).toEqual(["ch"])
    expect(await holderOf("de")).toBe(t.store.regions.eur.id)
  })

  test.each(["GET", "POST", "DELETE"])("%s of an unknown region is 404", async (method) => {
    const url = "/admin/regions/reg_missing"
    const res = method === "GET" ? await t.admin.get(url) : method === "POST" ? await t.admin.post(url, { name: "X" }) : await t.admin.delete(url)
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({ type: "not_found", message: "Region with id: reg_missing was not found" })
  })
})
