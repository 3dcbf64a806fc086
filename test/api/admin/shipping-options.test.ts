import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { startHttpApp } from "../http-app.ts"
import type { HttpApp } from "../http-app.ts"

let t: HttpApp
let zoneId: string
beforeAll(async () => {
  t = await startHttpApp()
  // Options may only ship through a provider of the zone's stock location.
  await t.admin.post(`/admin/stock-locations/${t.store.stockLocationId}/fulfillment-providers`, { add: ["manual_manual"] })
  zoneId = t.store.serviceZoneId
})
afterAll(() => t?.close())

const count = async (table: string) => Number((await t.rows<{ n: string }>(`select count(*)::text as n from "${table}" where deleted_at is null`))[0]?.n)
const footprint = async () => Promise.all(["shipping_option", "shipping_option_rule", "shipping_option_type", "price_set", "price"].map(count))

const body = (overrides: Record<string, unknown> = {}) => ({
  name: "Express",
  service_zone_id: zoneId,
  shipping_profile_id: t.store.shippingProfileId,
  provider_id: "manual_manual",
  price_type: "flat",
  type: { label: "Express", description: "Next day", code: "express" },
  prices: [{ currency_code: "usd", amount: 15.5 }],
  rules: [
    { attribute: "enabled_in_store", operator: "eq", value: "true" },
    { attribute: "is_return", operator: "eq", value: "false" },
  ],
  ...overrides,
})

describe("POST /admin/shipping-options", () => {
  test("creates an option with its type, rules and prices (a region price in the region's currency)", async () => {
    const res = await t.admin.post("/admin/shipping-options", body({ prices: [{ currency_code: "usd", amount: 15.5 }, { region_id: t.store.regions.eur.id, amount: 12 }] }))
    expect(res.statusCode).toBe(200)
    const option = res.json().shipping_option
    expect(option).toMatchObject({
      name: "Express",
      price_type: "flat",
      provider_id: "manual_manual",
      service_zone_id: zoneId,
      shipping_profile_id: t.store.shippingProfileId,
      type: { label: "Express", description: "Next day", code: "express" },
      service_zone: { id: zoneId },
      shipping_profile: { id: t.store.shippingProfileId },
      provider: { id: "manual_manual", is_enabled: true },
    })
    expect(option.id).toMatch(/^so_/)
    expect(option.rules.map((rule: { attribute: string; operator: string; value: string }) => [rule.attribute, rule.operator, rule.value]).sort()).toEqual([
      ["enabled_in_store", "eq", "true"],
      ["is_return", "eq", "false"],
    ])
    const prices = option.prices.map((price: { currency_code: string; amount: number; price_rules: { attribute: string; value: string }[] }) => ({
      currency_code: price.currency_code,
      amount: price.amount,
      rules: price.price_rules.map((rule) => `${rule.attribute}=${rule.value}`),
    }))
    expect(prices.sort((a: { currency_code: string }, b: { currency_code: string }) => a.currency_code.localeCompare(b.currency_code))).toEqual([
      { currency_code: "eur", amount: 12, rules: [`region_id=${t.store.regions.eur.id}`] },
      { currency_code: "usd", amount: 15.5, rules: [] },
    ])
  })

  test.each([
    ["no prices", { prices: undefined }, "prices"],
    ["a negative amount", { prices: [{ currency_code: "usd", amount: -1 }] }, "amount"],
    ["an unknown price type", { price_type: "free" }, "price_type"],
    ["a rule with an unknown operator", { rules: [{ attribute: "is_return", operator: "like", value: "x" }] }, "operator"],
    ["an unknown field", { carrier: "dhl" }, "carrier"],
  ])("%s is 400 naming the field, and nothing is created", async (_case, overrides, field) => {
    const before = await footprint()
    const res = await t.admin.post("/admin/shipping-options", body(overrides))
    expect(res.statusCode).toBe(400)
    expect(res.json().message).toContain(field)
    expect(await footprint()).toEqual(before)
  })

  test("a provider the location does not ship through, an unknown zone, profile or region are refused; nothing is created", async () => {
    const before = await footprint()
    const provider = await t.admin.post("/admin/shipping-options", body({ provider_id: "dhl_express" }))
    expect(provider.statusCode).toBe(400)
    expect(provider.json()).toEqual({ type: "not_allowed", message: "Providers (dhl_express) are not enabled for the service location" })
    const zone = await t.admin.post("/admin/shipping-options", body({ service_zone_id: "serzo_missing" }))
    expect(zone.statusCode).toBe(404)
    const profile = await t.admin.post("/admin/shipping-options", body({ shipping_profile_id: "sp_missing" }))
    expect(profile.statusCode).toBe(404)
    const region = await t.admin.post("/admin/shipping-options", body({ prices: [{ region_id: "reg_missing", amount: 1 }] }))
    expect(region.statusCode).toBe(400)
    expect(region.json().message).toBe("prices[0].region_id: Region with id: reg_missing was not found")
    const noType = await t.admin.post("/admin/shipping-options", body({ type: undefined }))
    expect(noType.statusCode).toBe(400)
    expect(noType.json().message).toContain("type")
    expect(await footprint()).toEqual(before)
  })
})

describe("GET /admin/shipping-options", () => {
  test("lists options with prices as numbers; filters by stock location, zone and the store flags", async () => {
    const res = await t.admin.get("/admin/shipping-options")
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ offset: 0, limit: 20 })
    const standard = res.json().shipping_options.find((option: { id: string }) => option.id === t.store.shippingOption.id)
    expect(standard.prices.map((price: { amount: number }) => price.amount).sort()).toEqual([10, 8].sort())

    const total = res.json().count
    expect((await t.admin.get(`/admin/shipping-options?stock_location_id=${t.store.stockLocationId}`)).json().count).toBe(total)
    expect((await t.admin.get("/admin/shipping-options?stock_location_id=sloc_other")).json().count).toBe(0)
    expect((await t.admin.get(`/admin/shipping-options?service_zone_id=${zoneId}`)).json().count).toBe(total)
    expect((await t.admin.get("/admin/shipping-options?is_return=false")).json().count).toBe(total)
    expect((await t.admin.get("/admin/shipping-options?is_return=true")).json().count).toBe(0)
    expect((await t.admin.get("/admin/shipping-options?admin_only=true")).json().count).toBe(0)
  })

  test("an unknown filter is 400; no token is 401", async () => {
    expect((await t.admin.get("/admin/shipping-options?cart_id=cart_1")).statusCode).toBe(400)
    expect((await t.anonymous.get("/admin/shipping-options")).statusCode).toBe(401)
  })
})

describe("/admin/shipping-options/:id", () => {
  test("retrieves, updates (name, type, rules, prices) and deletes an option", async () => {
    const option = (await t.admin.post("/admin/shipping-options", body({ name: "Courier" }))).json().shipping_option
    expect((await t.admin.get(`/admin/shipping-options/${option.id}?fields=name`)).json()).toEqual({ shipping_option: { id: option.id, name: "Courier" } })

    const isReturn = option.rules.find((rule: { attribute: string }) => rule.attribute === "is_return")
    const [usd] = option.prices
    const res = await t.admin.post(`/admin/shipping-options/${option.id}`, {
      name: "Courier+",
      type: { label: "Courier", code: "courier" },
      rules: [{ id: isReturn.id, attribute: "is_return", operator: "eq", value: "false" }],
      prices: [{ id: usd.id, amount: 20 }, { region_id: t.store.regions.eur.id, amount: 18 }],
    })
    expect(res.statusCode).toBe(200)
    const updated = res.json().shipping_option
    expect(updated).toMatchObject({ name: "Courier+", type: { label: "Courier", code: "courier" } })
    expect(updated.rules.map((rule: { id: string }) => rule.id)).toEqual([isReturn.id])
    expect(updated.prices.map((price: { currency_code: string; amount: number }) => [price.currency_code, price.amount]).sort()).toEqual([
      ["eur", 18],
      ["usd", 20],
    ])

    const deleted = await t.admin.delete(`/admin/shipping-options/${option.id}`)
    expect(deleted.json()).toEqual({ id: option.id, object: "shipping_option", deleted: true })
    expect((await t.admin.get(`/admin/shipping-options/${option.id}`)).statusCode).toBe(404)
  })

  test("an invalid update is 400 and changes nothing; unknown options are 404", async () => {
    const option = (await t.admin.post("/admin/shipping-options", body({ name: "Stable" }))).json().shipping_option
    const before = await footprint()
    for (const update of [{ name: "" }, { price_type: "free" }, { prices: [{ currency_code: "usd", amount: "ten" }] }, { service_zone_id: "serzo_x" }]) {
      const res = await t.admin.post(`/admin/shipping-options/${option.id}`, update)
      expect(res.statusCode, JSON.stringify(update)).toBe(400)
    }
    const foreignRule = await t.admin.post(`/admin/shipping-options/${option.id}`, { rules: [{ id: "sorul_other", value: "x" }] })
    expect(foreignRule.statusCode).toBe(400)
    const provider = await t.admin.post(`/admin/shipping-options/${option.id}`, { name: "Moved", provider_id: "dhl_express" })
    expect(provider.statusCode).toBe(400)
    expect(await footprint()).toEqual(before)
    expect((await t.admin.get(`/admin/shipping-options/${option.id}`)).json().shipping_option).toMatchObject({ name: "Stable" })

    for (const res of [
      await t.admin.get("/admin/shipping-options/so_missing"),
      await t.admin.post("/admin/shipping-options/so_missing", { name: "X" }),
      await t.admin.delete("/admin/shipping-options/so_missing"),
    ]) {
      expect(res.statusCode).toBe(404)
      expect(res.json()).toEqual({ type: "not_found", message: "Shipping option with id: so_missing was not found" })
    }
  })
})
