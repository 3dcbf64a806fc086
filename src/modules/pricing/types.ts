import type { InferEntity } from "../../framework/modules/index.ts"
import type { Price } from "./models/price.ts"
import type { PriceRule } from "./models/price-rule.ts"
import type { PriceSet } from "./models/price-set.ts"

export type PriceRow = InferEntity<typeof Price>
export type PriceRuleRow = InferEntity<typeof PriceRule>
export type PriceSetRow = InferEntity<typeof PriceSet>

/** The conditions of a price as a flat map, e.g. `{ region_id: "reg_…" }`. */
export type PriceRules = Record<string, string>

export type CreatePriceInput = {
  /** In the currency's main unit: `10.5` is 10.50. A decimal string keeps any precision. */
  amount: string | number
  currency_code: string
  min_quantity?: number | null
  max_quantity?: number | null
  rules?: PriceRules
}

export type CreatePriceSetInput = { prices?: CreatePriceInput[] }

export type AddPricesInput = { priceSetId: string; prices: CreatePriceInput[] }

/** An entry with `id` updates that price (its `rules`, when given, replace the old ones); without, creates one. */
export type UpsertPriceInput = ({ id: string } & Partial<CreatePriceInput>) | (CreatePriceInput & { id?: undefined })

/** `prices`, when given, is the set's whole list: prices left out of it are deleted. */
export type UpdatePriceSetInput = { id: string; prices?: UpsertPriceInput[] }

export type PriceWithRules = Omit<PriceRow, "price_rules"> & { price_rules: PriceRuleRow[]; rules: PriceRules }
export type PriceSetWithPrices = Omit<PriceSetRow, "prices"> & { prices: PriceWithRules[] }

export type PricingContext = {
  context: {
    currency_code: string
    region_id?: string
    /** Only prices whose [min_quantity, max_quantity] holds it apply; without it, prices for 1 item. */
    quantity?: number
    /** Any further attribute is matched against price rules of the same name. */
    [attribute: string]: unknown
  }
}

export type CalculatedPrice = {
  id: string
  price_list_id: string | null
  price_list_type: string | null
  min_quantity: number | null
  max_quantity: number | null
}

/** The price a context gets from a price set, in the shape of a variant's `calculated_price`. */
export type CalculatedPriceSet = {
  id: string
  currency_code: string
  calculated_amount: number
  original_amount: number
  calculated_amount_with_tax: number
  calculated_amount_without_tax: number
  original_amount_with_tax: number
  original_amount_without_tax: number
  is_calculated_price_tax_inclusive: boolean
  is_original_price_tax_inclusive: boolean
  is_calculated_price_price_list: boolean
  is_original_price_price_list: boolean
  calculated_price: CalculatedPrice
  original_price: CalculatedPrice
}

/** The prices of some price sets as they are now, ids and rules included: what `restorePriceSnapshot` puts back. */
export type PricesSnapshot = {
  readonly priceSetIds: string[]
  readonly prices: {
    id: string
    price_set_id: string
    amount: string
    currency_code: string
    min_quantity: number | null
    max_quantity: number | null
    price_rules: { id: string; attribute: string; value: string }[]
  }[]
}
