import { afterAll, beforeAll, beforeEach, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { ModuleService } from "../../../src/framework/modules/index.ts"
import { Price } from "../../../src/modules/pricing/models/price.ts"
import { PriceRule } from "../../../src/modules/pricing/models/price-rule.ts"
import { PriceSet } from "../../../src/modules/pricing/models/price-set.ts"
import { countStatements } from "../../setup/count-statements.ts"
import { DEFAULT_MODULES, startTestApp } from "../../setup/test-app.ts"
import type { TestApp } from "../../setup/test-app.ts"
import { rejection } from "./blog-app.ts"

// The pricing module's tables as its migrations make them: price sets, their prices, and the prices' rules.
class PricingCrud extends ModuleService({ PriceSet, Price, PriceRule }) {}

let t: TestApp
let pricing: PricingCrud
beforeAll(async () => {
  t = await startTestApp({ modules: [...DEFAULT_MODULES, { resolve: "./src/modules/pricing" }] })
  pricing = new PricingCrud({ database: t.app.database })
})
afterAll(() => t.close())
beforeEach(async () => {
  await t.app.database.execute(`truncate "price_set", "price", "price_rule"`)
})

const count = async (table: string) => (await t.app.database.execute<{ n: number }>(`select count(*)::int as n from "${table}"`))[0]?.n

type NewPriceSet = { prices: { amount: number; currency_code: string; price_rules?: { attribute: string; value: string }[] }[] }

const priceSets = (): NewPriceSet[] => [
  {
    prices: [
      { amount: 10, currency_code: "usd", price_rules: [{ attribute: "region_id", value: "reg_us" }, { attribute: "customer_group_id", value: "vip" }] },
      { amount: 9, currency_code: "eur", price_rules: [{ attribute: "region_id", value: "reg_eu" }] },
    ],
  },
  { prices: [{ amount: 5, currency_code: "usd" }] },
]

test("three levels of inline children are one statement, each row pointing at its parent", async () => {
  const { result: sets, statements } = await countStatements(t.app.database, () => pricing.createPriceSets(priceSets()))

  expect(statements).toHaveLength(1)
  const usd = sets[0]!.prices![0]!
  expect(usd.price_set_id).toBe(sets[0]!.id)
  expect(usd.price_rules!.map((rule) => [rule.attribute, rule.price_id])).toEqual([
    ["region_id", usd.id],
    ["customer_group_id", usd.id],
  ])
  const read = await pricing.retrievePriceSet(sets[0]!.id, { relations: ["prices", "prices.price_rules"] })
  expect(read.prices?.find((price) => price.id === usd.id)?.price_rules?.map((rule) => rule.value).sort()).toEqual(["reg_us", "vip"])
  expect([await count("price_set"), await count("price"), await count("price_rule")]).toEqual([2, 3, 3])
})

test("a grandchild breaking a unique index fails with duplicate_error, and no row of any level is written", async () => {
  const input = priceSets()
  input[0]!.prices[1]!.price_rules!.push({ attribute: "region_id", value: "reg_other" })

  const error = await rejection(pricing.createPriceSets(input))
  expect(error.type).toBe(AgoraError.Types.DUPLICATE_ERROR)
  expect(error.message).toMatch(/^PriceSet with price_id, attribute: price_\w+, region_id already exists\.$/)
  expect([await count("price_set"), await count("price"), await count("price_rule")]).toEqual([0, 0, 0])
})
