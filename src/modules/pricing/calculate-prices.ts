import type { Database } from "../../framework/database/index.ts"
import { AgoraError } from "../../framework/errors/index.ts"
import { money } from "../../framework/money/index.ts"
import type { CalculatedPrice, CalculatedPriceSet, PricingContext } from "./types.ts"

type BestPrice = {
  id: string
  price_set_id: string
  currency_code: string
  amount: string
  min_quantity: number | null
  max_quantity: number | null
}

/**
 * The best price of each price set for a context, in one query whatever the number of sets. A
 * price applies when its currency is the context's, every one of its rules matches the context, and
 * the quantity is within its bounds; of those, the one matching the most rules wins (a price for
 * the region beats the plain price of its currency), then the lower amount.
 */
export async function calculatePrices(
  database: Database,
  priceSetIds: string[],
  { context }: PricingContext,
): Promise<CalculatedPriceSet[]> {
  const { currency_code: currency, quantity, ...attributes } = context ?? {}
  if (typeof currency !== "string" || currency === "") {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, "calculatePrices: context.currency_code is required")
  }
  if (quantity !== undefined && quantity !== null && (!Number.isInteger(quantity) || quantity < 0)) {
    throw new AgoraError(
      AgoraError.Types.INVALID_DATA,
      `calculatePrices: context.quantity must be a whole number of at least 0, got ${JSON.stringify(quantity)}`,
    )
  }
  const ids = [...new Set(priceSetIds)]
  if (ids.length === 0) return []

  // Without a quantity the context is one item: bulk prices (min_quantity above 1) do not apply.
  const min = quantity ?? 1
  const max = quantity ?? null
  const rows = await database.execute<BestPrice>(
    `select distinct on (p.price_set_id)
       p.id, p.price_set_id, p.currency_code, p.amount::text as amount, p.min_quantity, p.max_quantity
     from price p
     left join price_rule r on r.price_id = p.id and r.deleted_at is null
     where p.price_set_id in (${ids.map(() => "?").join(", ")})
       and p.deleted_at is null
       and p.currency_code = ?
       and (p.min_quantity is null or p.min_quantity <= ?)
       and (p.max_quantity is null or ?::integer is null or p.max_quantity >= ?::integer)
     group by p.id
     having bool_and(r.id is null or r.value is not distinct from (?::jsonb ->> r.attribute))
     order by p.price_set_id, count(r.id) desc, p.amount asc, p.id asc`,
    [...ids, currency.toLowerCase(), min, max, max, JSON.stringify(ruleContext(attributes))],
  )
  const bySet = new Map(rows.map((row) => [row.price_set_id, row]))
  return ids.flatMap((id) => {
    const best = bySet.get(id)
    return best ? [toCalculatedPriceSet(best)] : []
  })
}

/** The context attributes rules can match: strings, and numbers as their text. */
function ruleContext(attributes: Record<string, unknown>): Record<string, string> {
  const context: Record<string, string> = {}
  for (const [attribute, value] of Object.entries(attributes)) {
    if (typeof value === "string") context[attribute] = value
    else if (typeof value === "number") context[attribute] = String(value)
  }
  return context
}

/**
 * Without price lists the calculated price is the original one. No tax is applied here: the
 * with/without-tax amounts equal the amount until a tax-aware caller replaces them.
 */
function toCalculatedPriceSet(best: BestPrice): CalculatedPriceSet {
  const amount = money.toAmount(best.amount)
  const price = (): CalculatedPrice => ({
    id: best.id,
    price_list_id: null,
    price_list_type: null,
    min_quantity: best.min_quantity,
    max_quantity: best.max_quantity,
  })
  return {
    id: best.price_set_id,
    currency_code: best.currency_code,
    calculated_amount: amount,
    original_amount: amount,
    calculated_amount_with_tax: amount,
    calculated_amount_without_tax: amount,
    original_amount_with_tax: amount,
    original_amount_without_tax: amount,
    is_calculated_price_tax_inclusive: false,
    is_original_price_tax_inclusive: false,
    is_calculated_price_price_list: false,
    is_original_price_price_list: false,
    calculated_price: price(),
    original_price: price(),
  }
}
