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

describe("createPriceSets", () => {
  test("creates a price set with prices and their rules, returned with rules as a flat map", async () => {
    const set = await t.pricing.createPriceSets({
      prices: [
        { amount: 10, currency_code: "usd" },
        { amount: "8.5", currency_code: "EUR", rules: { region_id: "reg_eu" } },
        { amount: 7, currency_code: "usd", min_quantity: 10, max_quantity: 99 },
      ],
    })

    expect(set.id).toMatch(/^pset_/)
    expect(set.prices.map((p) => [p.amount, p.currency_code, p.min_quantity, p.max_quantity, p.rules])).toEqual([
      ["10", "usd", null, null, {}],
      ["8.5", "eur", null, null, { region_id: "reg_eu" }],
      ["7", "usd", 10, 99, {}],
    ])
    expect(set.prices[0]?.id).toMatch(/^price_/)
    expect(set.prices[1]?.price_rules).toEqual([expect.objectContaining({ attribute: "region_id", value: "reg_eu" })])
    const rules = await t.rows("select r.attribute, r.value, p.currency_code from price_rule r join price p on p.id = r.price_id")
    expect(rules).toEqual([{ attribute: "region_id", value: "reg_eu", currency_code: "eur" }])
  })

  test("creates several sets at once; a set may start without prices", async () => {
    const [a, b] = await t.pricing.createPriceSets([{ prices: [{ amount: 1, currency_code: "usd" }] }, {}])

    expect(a?.prices).toHaveLength(1)
    expect(b?.prices).toEqual([])
    expect(await t.rows("select price_set_id from price")).toEqual([{ price_set_id: a!.id }])
  })

  test("an invalid price writes no set at all", async () => {
    const error = await rejection(
      t.pricing.createPriceSets([{ prices: [{ amount: 1, currency_code: "usd" }] }, { prices: [{ amount: -1, currency_code: "usd" }] }]),
    )
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toBe("Price 1 of price set 2: amount must be a number of at least 0, got -1")
    expect(await t.rows("select id from price_set")).toEqual([])
  })
})

describe("addPrices", () => {
  test("adds prices to existing sets and returns each set with all its prices", async () => {
    const set = await t.pricing.createPriceSets({ prices: [{ amount: 10, currency_code: "usd" }] })

    const updated = await t.pricing.addPrices({
      priceSetId: set.id,
      prices: [{ amount: 9, currency_code: "usd", rules: { region_id: "reg_us" } }],
    })

    expect(updated.id).toBe(set.id)
    expect(updated.prices.map((p) => [p.amount, p.rules]).sort()).toEqual([
      ["10", {}],
      ["9", { region_id: "reg_us" }],
    ])
  })

  test("several sets in one call", async () => {
    const [a, b] = await t.pricing.createPriceSets([{}, {}])
    const sets = await t.pricing.addPrices([
      { priceSetId: a!.id, prices: [{ amount: 1, currency_code: "usd" }] },
      { priceSetId: b!.id, prices: [{ amount: 2, currency_code: "usd" }] },
    ])
    expect(sets.map((s) => [s.id, s.prices.map((p) => p.amount)])).toEqual([
      [a!.id, ["1"]],
      [b!.id, ["2"]],
    ])
  })

  test("an unknown price set: not_found naming it, nothing added", async () => {
    const set = await t.pricing.createPriceSets({})
    const error = await rejection(
      t.pricing.addPrices([
        { priceSetId: set.id, prices: [{ amount: 1, currency_code: "usd" }] },
        { priceSetId: "pset_missing", prices: [{ amount: 1, currency_code: "usd" }] },
      ]),
    )
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(error.message).toBe("PriceSet with id: pset_missing was not found")
    expect(await t.rows("select id from price")).toEqual([])
  })
})

describe("updatePriceSets", () => {
  test("the list replaces the prices: ids update, new entries are added, the rest are deleted", async () => {
    const set = await t.pricing.createPriceSets({
      prices: [
        { amount: 10, currency_code: "usd" },
        { amount: 9, currency_code: "eur", rules: { region_id: "reg_eu" } },
        { amount: 8, currency_code: "gbp" },
      ],
    })
    const [usd, eur] = set.prices

    const updated = await t.pricing.updatePriceSets({
      id: set.id,
      prices: [
        { id: usd!.id, amount: "12.5" },
        { id: eur!.id, rules: { region_id: "reg_fr" } },
        { amount: 100, currency_code: "DKK" },
      ],
    })

    const byCurrency = Object.fromEntries(updated.prices.map((p) => [p.currency_code, p]))
    expect(Object.keys(byCurrency).sort()).toEqual(["dkk", "eur", "usd"])
    expect(byCurrency.usd).toMatchObject({ id: usd!.id, amount: "12.5", rules: {} })
    expect(byCurrency.eur).toMatchObject({ id: eur!.id, amount: "9", rules: { region_id: "reg_fr" } })
    expect(byCurrency.dkk).toMatchObject({ amount: "100", rules: {} })
    expect(await t.rows("select value from price_rule")).toEqual([{ value: "reg_fr" }])
    expect(await t.rows("select count(*)::int as n from price")).toEqual([{ n: 3 }])
  })

  test("an empty list deletes every price of the set; no list leaves them", async () => {
    const set = await t.pricing.createPriceSets({ prices: [{ amount: 1, currency_code: "usd", rules: { region_id: "r" } }] })

    expect((await t.pricing.updatePriceSets({ id: set.id })).prices).toHaveLength(1)
    expect((await t.pricing.updatePriceSets([{ id: set.id, prices: [] }]))[0]?.prices).toEqual([])
    expect(await t.rows("select id from price_rule")).toEqual([])
  })

  test("a price of another set: invalid_data naming the price, nothing changed", async () => {
    const [a, b] = await t.pricing.createPriceSets([
      { prices: [{ amount: 1, currency_code: "usd" }] },
      { prices: [{ amount: 2, currency_code: "usd" }] },
    ])
    const foreign = b!.prices[0]!.id

    const error = await rejection(t.pricing.updatePriceSets({ id: a!.id, prices: [{ id: foreign, amount: 5 }] }))
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toBe(`Price 1 for price set ${a!.id}: price ${foreign} is not in this price set`)
    expect((await t.rows("select amount from price order by amount")).map((r) => r.amount)).toEqual(["1", "2"])
  })

  test("a new entry without currency_code, an unknown set", async () => {
    const set = await t.pricing.createPriceSets({})
    const incomplete = await rejection(
      t.pricing.updatePriceSets({ id: set.id, prices: [{ amount: 5 } as unknown as { amount: number; currency_code: string }] }),
    )
    expect(incomplete.message).toBe(`Price 1 for price set ${set.id}: currency_code is required`)

    const unknown = await rejection(t.pricing.updatePriceSets({ id: "pset_missing", prices: [] }))
    expect(unknown.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(unknown.message).toBe("PriceSet with id: pset_missing was not found")
  })
})
