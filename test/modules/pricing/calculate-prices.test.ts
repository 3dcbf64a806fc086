import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { countStatements } from "../../setup/count-statements.ts"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import type { PricingContext } from "../../../src/modules/pricing/index.ts"
import { rejection, startPricingApp } from "./pricing-app.ts"
import type { PricingApp } from "./pricing-app.ts"

let t: PricingApp
beforeAll(async () => {
  t = await startPricingApp()
})
afterAll(() => t.close())
beforeEach(() => t.reset())


describe("calculatePrices", () => {
  test("answers in the shape of a variant's calculated_price; without price lists calculated == original", async () => {
    const set = await t.pricing.createPriceSets({ prices: [{ amount: 15, currency_code: "usd" }] })
    const priceId = set.prices[0]!.id

    const [calculated] = await t.pricing.calculatePrices({ id: [set.id] }, { context: { currency_code: "usd" } })

    const price = { id: priceId, price_list_id: null, price_list_type: null, min_quantity: null, max_quantity: null }
    expect(calculated).toEqual({
      id: set.id,
      currency_code: "usd",
      calculated_amount: 15,
      original_amount: 15,
      calculated_amount_with_tax: 15,
      calculated_amount_without_tax: 15,
      original_amount_with_tax: 15,
      original_amount_without_tax: 15,
      is_calculated_price_tax_inclusive: false,
      is_original_price_tax_inclusive: false,
      is_calculated_price_price_list: false,
      is_original_price_price_list: false,
      calculated_price: price,
      original_price: price,
    })
  })

  test("a price for the context's region beats the plain price of the currency, even when dearer", async () => {
    const set = await t.pricing.createPriceSets({
      prices: [
        { amount: 10, currency_code: "eur" },
        { amount: 12, currency_code: "eur", rules: { region_id: "reg_de" } },
        { amount: 11, currency_code: "eur", rules: { region_id: "reg_fr" } },
      ],
    })
    const calculate = async (context: PricingContext["context"]) =>
      (await t.pricing.calculatePrices({ id: set.id }, { context }))[0]?.calculated_amount

    expect(await calculate({ currency_code: "eur", region_id: "reg_de" })).toBe(12)
    expect(await calculate({ currency_code: "eur", region_id: "reg_fr" })).toBe(11)
    expect(await calculate({ currency_code: "eur", region_id: "reg_it" })).toBe(10)
    expect(await calculate({ currency_code: "eur" })).toBe(10)
  })

  test("the currency must match: a set with no price in it is left out; the code's case does not matter", async () => {
    const [usdOnly, both] = await t.pricing.createPriceSets([
      { prices: [{ amount: 5, currency_code: "usd" }] },
      { prices: [{ amount: 5, currency_code: "usd" }, { amount: 4, currency_code: "eur" }] },
    ])

    const result = await t.pricing.calculatePrices({ id: [usdOnly!.id, both!.id] }, { context: { currency_code: "EUR" } })
    expect(result.map((r) => [r.id, r.currency_code, r.calculated_amount])).toEqual([[both!.id, "eur", 4]])
  })

  test("a region price alone does not serve another region or a context without one", async () => {
    const set = await t.pricing.createPriceSets({ prices: [{ amount: 9, currency_code: "usd", rules: { region_id: "reg_us" } }] })

    expect(await t.pricing.calculatePrices({ id: [set.id] }, { context: { currency_code: "usd", region_id: "reg_ca" } })).toEqual([])
    expect(await t.pricing.calculatePrices({ id: [set.id] }, { context: { currency_code: "usd" } })).toEqual([])
  })

  test("every rule of a price must match; the price matching more rules wins", async () => {
    const set = await t.pricing.createPriceSets({
      prices: [
        { amount: 20, currency_code: "usd" },
        { amount: 18, currency_code: "usd", rules: { region_id: "reg_us" } },
        { amount: 15, currency_code: "usd", rules: { region_id: "reg_us", customer_group_id: "vip" } },
      ],
    })
    const amount = async (context: PricingContext["context"]) =>
      (await t.pricing.calculatePrices({ id: set.id }, { context }))[0]?.calculated_amount

    expect(await amount({ currency_code: "usd", region_id: "reg_us", customer_group_id: "vip" })).toBe(15)
    expect(await amount({ currency_code: "usd", region_id: "reg_us" })).toBe(18)
    expect(await amount({ currency_code: "usd", customer_group_id: "vip" })).toBe(20)
  })

  test("quantity must fall within [min_quantity, max_quantity]; without one, bulk prices do not apply", async () => {
    const set = await t.pricing.createPriceSets({
      prices: [
        { amount: 10, currency_code: "usd" },
        { amount: 8, currency_code: "usd", min_quantity: 10, max_quantity: 49 },
        { amount: 6, currency_code: "usd", min_quantity: 50 },
        { amount: 11, currency_code: "usd", max_quantity: 2 },
      ],
    })
    const price = async (quantity?: number) => {
      const [result] = await t.pricing.calculatePrices({ id: set.id }, { context: { currency_code: "usd", quantity } })
      return [result?.calculated_amount, result?.calculated_price.min_quantity, result?.calculated_price.max_quantity]
    }

    expect(await price(1)).toEqual([10, null, null])
    expect(await price(10)).toEqual([8, 10, 49])
    expect(await price(49)).toEqual([8, 10, 49])
    expect(await price(50)).toEqual([6, 50, null])
    expect(await price(5000)).toEqual([6, 50, null])
    expect(await price(3)).toEqual([10, null, null])
    expect(await price()).toEqual([10, null, null])
  })

  test("of equally specific prices the lower amount wins", async () => {
    const set = await t.pricing.createPriceSets({
      prices: [
        { amount: 10, currency_code: "usd" },
        { amount: "9.99", currency_code: "usd", max_quantity: 5 },
      ],
    })
    const [result] = await t.pricing.calculatePrices({ id: set.id }, { context: { currency_code: "usd", quantity: 2 } })
    expect(result?.calculated_amount).toBe(9.99)
  })

  test("soft-deleted prices and rules are not used", async () => {
    const set = await t.pricing.createPriceSets({
      prices: [
        { amount: 10, currency_code: "usd" },
        { amount: 5, currency_code: "usd", rules: { region_id: "reg_us" } },
      ],
    })
    await t.pricing.softDeletePrices(set.prices[1]!.id)

    const [result] = await t.pricing.calculatePrices({ id: set.id }, { context: { currency_code: "usd", region_id: "reg_us" } })
    expect(result?.calculated_amount).toBe(10)
  })

  test("results come in the order of the ids asked for; unknown ids are left out; no ids, no query", async () => {
    const [a, b] = await t.pricing.createPriceSets([
      { prices: [{ amount: 1, currency_code: "usd" }] },
      { prices: [{ amount: 2, currency_code: "usd" }] },
    ])

    const result = await t.pricing.calculatePrices({ id: [b!.id, "pset_missing", a!.id, b!.id] }, { context: { currency_code: "usd" } })
    expect(result.map((r) => [r.id, r.calculated_amount])).toEqual([
      [b!.id, 2],
      [a!.id, 1],
    ])
    expect(await t.pricing.calculatePrices({ id: [] }, { context: { currency_code: "usd" } })).toEqual([])
  })

  test("any number of price sets takes one SQL round trip", async () => {
    const sets = await t.pricing.createPriceSets(
      Array.from({ length: 60 }, (_, i) => ({
        prices: [
          { amount: 100 + i, currency_code: "usd" },
          { amount: 50 + i, currency_code: "usd", rules: { region_id: "reg_us" } },
        ],
      })),
    )
    const { result, statements } = await countStatements(t.app.database, () =>
      t.pricing.calculatePrices({ id: sets.map((s) => s.id) }, { context: { currency_code: "usd", region_id: "reg_us", quantity: 1 } }),
    )
    expect(result).toHaveLength(60)
    expect(result[59]?.calculated_amount).toBe(109)
    expect(statements).toHaveLength(1)
  })

  test("a context without currency_code, or with a quantity that is not a whole number, is invalid_data", async () => {
    const set = await t.pricing.createPriceSets({ prices: [{ amount: 1, currency_code: "usd" }] })

    const noCurrency = await rejection(t.pricing.calculatePrices({ id: set.id }, { context: {} } as unknown as PricingContext))
    expect(noCurrency.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(noCurrency.message).toBe("calculatePrices: context.currency_code is required")

    const fraction = await rejection(t.pricing.calculatePrices({ id: set.id }, { context: { currency_code: "usd", quantity: 1.5 } }))
    expect(fraction.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(fraction.message).toBe("calculatePrices: context.quantity must be a whole number of at least 0, got 1.5")
  })
})
