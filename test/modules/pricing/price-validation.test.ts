import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import type { CreatePriceInput } from "../../../src/modules/pricing/index.ts"
import { rejection, startPricingApp } from "./pricing-app.ts"
import type { PricingApp } from "./pricing-app.ts"

let t: PricingApp
beforeAll(async () => {
  t = await startPricingApp()
})
afterAll(() => t.close())

async function refused(price: Record<string, unknown>): Promise<string> {
  const error = await rejection(t.pricing.createPriceSets({ prices: [price as unknown as CreatePriceInput] }))
  expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
  return error.message
}

describe("a price's fields are checked, and the message names the field", () => {
  test.each([
    [{ currency_code: "usd" }, "Price 1 of price set 1: amount is required"],
    [{ amount: "abc", currency_code: "usd" }, 'Price 1 of price set 1: amount must be a number of at least 0, got "abc"'],
    [{ amount: Number.NaN, currency_code: "usd" }, "Price 1 of price set 1: amount must be a number of at least 0, got null"],
    [{ amount: "-0.01", currency_code: "usd" }, 'Price 1 of price set 1: amount must be a number of at least 0, got "-0.01"'],
    [{ amount: 1 }, "Price 1 of price set 1: currency_code is required"],
    [{ amount: 1, currency_code: "dollars" }, 'Price 1 of price set 1: currency_code must be a three-letter ISO 4217 code, got "dollars"'],
    [{ amount: 1, currency_code: "usd", min_quantity: 1.5 }, "Price 1 of price set 1: min_quantity must be a whole number of at least 0, got 1.5"],
    [{ amount: 1, currency_code: "usd", max_quantity: -1 }, "Price 1 of price set 1: max_quantity must be a whole number of at least 0, got -1"],
    [{ amount: 1, currency_code: "usd", min_quantity: 5, max_quantity: 2 }, "Price 1 of price set 1: max_quantity (2) is below min_quantity (5)"],
    [{ amount: 1, currency_code: "usd", rules: { region_id: 7 } }, "Price 1 of price set 1: rules.region_id must be a non-empty string, got 7"],
    [{ amount: 1, currency_code: "usd", rules: ["reg_1"] }, 'Price 1 of price set 1: rules must be an object, e.g. { region_id: "reg_…" }'],
  ])("%j", async (price, message) => {
    expect(await refused(price)).toBe(message)
  })

  test("a change to an existing price is checked the same way", async () => {
    const set = await t.pricing.createPriceSets({ prices: [{ amount: 1, currency_code: "usd" }] })
    const error = await rejection(
      t.pricing.updatePriceSets({ id: set.id, prices: [{ id: set.prices[0]!.id, currency_code: "us" }] }),
    )
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toBe(`Price 1 for price set ${set.id}: currency_code must be a three-letter ISO 4217 code, got "us"`)
    expect((await t.pricing.listPrices({ price_set_id: set.id }))[0]?.currency_code).toBe("usd")
  })
})
