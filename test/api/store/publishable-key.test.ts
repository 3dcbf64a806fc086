import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { startHttpApp } from "../http-app.ts"
import type { HttpApp } from "../http-app.ts"

let t: HttpApp

beforeAll(async () => {
  t = await startHttpApp()
})
afterAll(() => t?.close())

describe("the /store publishable key guard", () => {
  test("a request without a key is refused with not_allowed", async () => {
    const res = await t.anonymous.get("/store/regions")
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ type: "not_allowed", message: expect.stringContaining("x-publishable-api-key") })
  })

  test("an unknown key is refused", async () => {
    const res = await t.anonymous.get("/store/regions", { headers: { "x-publishable-api-key": `pk_${"0".repeat(64)}` } })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({ type: "not_allowed", message: "A valid publishable key is required to proceed with the request" })
  })

  test("a secret key is not a publishable key", async () => {
    const secret = await t.apiKeys.createApiKeys({ title: "Server", type: "secret", created_by: "test" })
    const res = await t.anonymous.get("/store/regions", { headers: { "x-publishable-api-key": secret.token } })
    expect(res.statusCode).toBe(400)
    expect(res.json().type).toBe("not_allowed")
  })

  test("a revoked key stops working at once; one revoked for later still works", async () => {
    const now = await t.apiKeys.createApiKeys({ title: "Old storefront", type: "publishable", created_by: "test" })
    const later = await t.apiKeys.createApiKeys({ title: "Retiring storefront", type: "publishable", created_by: "test" })
    expect((await t.anonymous.get("/store/regions", { headers: { "x-publishable-api-key": now.token } })).statusCode).toBe(200)

    await t.apiKeys.revoke(now.id, { revoked_by: "test" })
    await t.apiKeys.revoke(later.id, { revoked_by: "test", revoke_in: 3600 })

    expect((await t.anonymous.get("/store/regions", { headers: { "x-publishable-api-key": now.token } })).statusCode).toBe(400)
    expect((await t.anonymous.get("/store/regions", { headers: { "x-publishable-api-key": later.token } })).statusCode).toBe(200)
  })
})

describe("GET /store/regions", () => {
  test("lists regions with their countries in the list envelope", async () => {
    const res = await t.storefront.get("/store/regions")
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ count: 2, offset: 0, limit: 50 })
    const usd = body.regions.find((region: { currency_code: string }) => region.currency_code === "usd")
    expect(usd).toMatchObject({ id: t.store.regions.usd.id, name: "North America" })
    expect(usd.countries.map((country: { iso_2: string }) => country.iso_2).sort()).toEqual(["ca", "us"])
  })

  test("filters, pages and orders", async () => {
    const byCurrency = (await t.storefront.get("/store/regions?currency_code=eur")).json()
    expect(byCurrency.regions.map((region: { id: string }) => region.id)).toEqual([t.store.regions.eur.id])

    const page = (await t.storefront.get("/store/regions?limit=1&offset=1&order=-name")).json()
    expect(page).toMatchObject({ count: 2, offset: 1, limit: 1 })
    expect(page.regions[0].name).toBe("Germany")
  })

  test("fields replace or extend the default set", async () => {
    const bare = (await t.storefront.get("/store/regions?fields=name")).json()
    expect(Object.keys(bare.regions[0]).sort()).toEqual(["id", "name"])

    const without = (await t.storefront.get("/store/regions?fields=-countries")).json()
    expect(without.regions[0]).not.toHaveProperty("countries")
    expect(without.regions[0]).toHaveProperty("currency_code")
  })

  test("an unknown query parameter or field is a 400 naming it", async () => {
    const unknown = await t.storefront.get("/store/regions?colour=red")
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().message).toContain("colour")

    const badField = await t.storefront.get("/store/regions?fields=nmae")
    expect(badField.statusCode).toBe(400)
    expect(badField.json().message).toContain("nmae")
  })

  test("an order that is not a column cannot reach the SQL", async () => {
    const res = await t.storefront.get(`/store/regions?order=${encodeURIComponent("name; drop table region")}`)
    expect(res.statusCode).toBe(400)
    expect((await t.storefront.get("/store/regions")).json().count).toBe(2)
  })
})

describe("GET /store/regions/:id", () => {
  test("retrieves one region; an unknown id is a 404", async () => {
    const found = await t.storefront.get(`/store/regions/${t.store.regions.eur.id}`)
    expect(found.statusCode).toBe(200)
    expect(found.json().region).toMatchObject({ id: t.store.regions.eur.id, currency_code: "eur" })

    const missing = await t.storefront.get("/store/regions/reg_missing")
    expect(missing.statusCode).toBe(404)
    expect(missing.json()).toEqual({ type: "not_found", message: "Region with id: reg_missing was not found" })
  })
})
