import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { money } from "../../../src/framework/money/index.ts"
import { startPricingApp } from "./pricing-app.ts"
import type { PricingApp } from "./pricing-app.ts"

let t: PricingApp
beforeAll(async () => {
  t = await startPricingApp()
})
afterAll(() => t.close())
beforeEach(() => t.reset())

/** Stores one usd price and reads it back three ways: the service, the column, the calculation. */
async function roundTrip(amount: string | number) {
  const set = await t.pricing.createPriceSets({ prices: [{ amount, currency_code: "usd" }] })
  const [stored] = await t.pricing.listPrices({ price_set_id: set.id })
  const [column] = await t.rows<{ amount: string }>("select amount::text as amount from price where price_set_id = ?", [set.id])
  const [calculated] = await t.pricing.calculatePrices({ id: set.id }, { context: { currency_code: "usd" } })
  return { created: set.prices[0]?.amount, stored: stored?.amount, column: column?.amount, calculated: calculated?.calculated_amount }
}

describe("amounts are exact decimals", () => {
  test("0.1 + 0.2 is stored and read back as 0.3, not 0.30000000000000004", async () => {
    const sum = money.add(0.1, 0.2)
    expect(await roundTrip(sum)).toEqual({ created: "0.3", stored: "0.3", column: "0.3", calculated: 0.3 })
  })

  test("19.99 × 3 is 59.97", async () => {
    expect(await roundTrip(money.multiply("19.99", 3))).toEqual({ created: "59.97", stored: "59.97", column: "59.97", calculated: 59.97 })
  })

  test("99999999999.99 survives storage and the calculation", async () => {
    expect(await roundTrip(99999999999.99)).toEqual({
      created: "99999999999.99",
      stored: "99999999999.99",
      column: "99999999999.99",
      calculated: 99999999999.99,
    })
  })

  test("a decimal string longer than a float can hold is stored digit for digit", async () => {
    const amount = "12345678901234567890.123456789"
    const { stored, column } = await roundTrip(amount)
    expect([stored, column]).toEqual([amount, amount])
  })

  test("trailing zeros are dropped, the value is kept", async () => {
    expect((await roundTrip("10.50")).stored).toBe("10.5")
    expect((await roundTrip(0)).calculated).toBe(0)
  })

  test("amounts added with addPrices and changed with updatePriceSets stay exact", async () => {
    const set = await t.pricing.createPriceSets({})
    const added = await t.pricing.addPrices({ priceSetId: set.id, prices: [{ amount: money.subtract("1.1", "0.9"), currency_code: "usd" }] })
    expect(added.prices[0]?.amount).toBe("0.2")

    const updated = await t.pricing.updatePriceSets({ id: set.id, prices: [{ id: added.prices[0]!.id, amount: money.multiply("0.7", "0.1") }] })
    expect(updated.prices[0]?.amount).toBe("0.07")
  })
})
