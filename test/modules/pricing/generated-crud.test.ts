import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { rejection, startPricingApp } from "./pricing-app.ts"
import type { PricingApp } from "./pricing-app.ts"

let t: PricingApp
beforeAll(async () => {
  t = await startPricingApp()
})
afterAll(() => t.close())
beforeEach(() => t.reset())

describe("generated CRUD kept beside the custom methods", () => {
  test("PriceSet: retrieve with prices and rules, list, listAndCount, soft-delete, restore, delete", async () => {
    const set = await t.pricing.createPriceSets({ prices: [{ amount: 3, currency_code: "usd", rules: { region_id: "reg_1" } }] })

    const loaded = await t.pricing.retrievePriceSet(set.id, { relations: ["prices", "prices.price_rules"] })
    expect(loaded.prices?.map((p) => [p.amount, p.price_rules?.map((r) => r.value)])).toEqual([["3", ["reg_1"]]])
    expect((await t.pricing.listPriceSets({ id: [set.id] })).map((s) => s.id)).toEqual([set.id])
    await t.pricing.softDeletePriceSets(set.id)
    expect(await t.pricing.listAndCountPriceSets()).toEqual([[], 0])
    await t.pricing.restorePriceSets(set.id)
    expect((await t.pricing.listAndCountPriceSets())[1]).toBe(1)
    await t.pricing.deletePriceSets(set.id)
    expect(await t.rows("select id from price union all select id from price_rule")).toEqual([])
    expect((await rejection(t.pricing.retrievePriceSet(set.id))).type).toBe(AgoraError.Types.NOT_FOUND)
  })

  test("Price: create on a set, filter by currency, update, soft-delete, delete", async () => {
    const set = await t.pricing.createPriceSets({})

    const price = await t.pricing.createPrices({ price_set_id: set.id, amount: "4.25", currency_code: "usd" })
    expect(price).toMatchObject({ amount: "4.25", min_quantity: null, price_set_id: set.id })
    expect(await t.pricing.updatePrices({ id: price.id, amount: 5 })).toMatchObject({ amount: "5" })
    expect((await t.pricing.listPrices({ currency_code: "usd" }, { relations: ["price_set"] }))[0]?.price_set?.id).toBe(set.id)
    await t.pricing.softDeletePrices(price.id)
    expect(await t.pricing.listAndCountPrices()).toEqual([[], 0])
    await t.pricing.deletePrices(price.id)
    expect(await t.rows("select id from price")).toEqual([])
  })

  test("PriceRule: create, list by attribute, update, a second rule on one attribute is a duplicate", async () => {
    const set = await t.pricing.createPriceSets({ prices: [{ amount: 1, currency_code: "usd" }] })
    const priceId = set.prices[0]!.id

    const rule = await t.pricing.createPriceRules({ price_id: priceId, attribute: "region_id", value: "reg_a" })
    expect(rule.id).toMatch(/^prule_/)
    expect(await t.pricing.updatePriceRules({ id: rule.id, value: "reg_b" })).toMatchObject({ value: "reg_b" })
    expect((await t.pricing.listPriceRules({ attribute: "region_id" })).map((r) => r.value)).toEqual(["reg_b"])
    const duplicate = await rejection(t.pricing.createPriceRules({ price_id: priceId, attribute: "region_id", value: "reg_c" }))
    expect(duplicate.type).toBe(AgoraError.Types.DUPLICATE_ERROR)
    await t.pricing.deletePriceRules(rule.id)
    expect(await t.pricing.listPriceRules()).toEqual([])
  })
})
