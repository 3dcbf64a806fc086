import { AgoraError } from "../../framework/errors/index.ts"
import { money } from "../../framework/money/index.ts"
import type { CreatePriceInput, PriceRules } from "./types.ts"

/** The price columns as stored: the amount as an exact decimal string, the currency code in lowercase. */
export type PriceColumns = {
  amount?: string
  currency_code?: string
  min_quantity?: number | null
  max_quantity?: number | null
}

/** Checks a new price; `label` names it in messages ("Price 2 of price set pset_…"). */
export function checkNewPrice(input: CreatePriceInput, label = "Price"): PriceColumns & { amount: string; currency_code: string } {
  if (input.amount === undefined || input.amount === null) throw invalid(`${label}: amount is required`)
  if (input.currency_code === undefined || input.currency_code === null) throw invalid(`${label}: currency_code is required`)
  const columns = checkPriceChanges(input, label)
  return { ...columns, amount: columns.amount!, currency_code: columns.currency_code! }
}

/** Checks the fields given for a price, new or changed; fields left out are left out. */
export function checkPriceChanges(input: Partial<CreatePriceInput>, label = "Price"): PriceColumns {
  const columns: PriceColumns = {}
  if (input.amount !== undefined) {
    if (!isAmount(input.amount) || money.compare(input.amount, 0) < 0) {
      throw invalid(`${label}: amount must be a number of at least 0, got ${JSON.stringify(input.amount)}`)
    }
    columns.amount = money.toDecimal(input.amount)
  }
  if (input.currency_code !== undefined) {
    if (typeof input.currency_code !== "string" || !/^[a-z]{3}$/i.test(input.currency_code)) {
      throw invalid(`${label}: currency_code must be a three-letter ISO 4217 code, got ${JSON.stringify(input.currency_code)}`)
    }
    columns.currency_code = input.currency_code.toLowerCase()
  }
  for (const field of ["min_quantity", "max_quantity"] as const) {
    const value = input[field]
    if (value === undefined) continue
    if (value !== null && (!Number.isInteger(value) || value < 0)) {
      throw invalid(`${label}: ${field} must be a whole number of at least 0, got ${JSON.stringify(value)}`)
    }
    columns[field] = value
  }
  const { min_quantity: min, max_quantity: max } = columns
  if (typeof min === "number" && typeof max === "number" && max < min) {
    throw invalid(`${label}: max_quantity (${max}) is below min_quantity (${min})`)
  }
  return columns
}

/** The rules as price_rule rows; every value must be a non-empty string. */
export function checkRules(rules: PriceRules | undefined, label = "Price"): { attribute: string; value: string }[] {
  if (rules === undefined || rules === null) return []
  if (typeof rules !== "object" || Array.isArray(rules)) throw invalid(`${label}: rules must be an object, e.g. { region_id: "reg_…" }`)
  return Object.entries(rules).map(([attribute, value]) => {
    if (typeof value !== "string" || value === "") {
      throw invalid(`${label}: rules.${attribute} must be a non-empty string, got ${JSON.stringify(value)}`)
    }
    return { attribute, value }
  })
}

// money.isAmount throws, rather than answering false, on a string that is not a number ("abc").
function isAmount(value: unknown): value is string | number {
  try {
    return money.isAmount(value)
  } catch {
    return false
  }
}

function invalid(message: string): AgoraError {
  return new AgoraError(AgoraError.Types.INVALID_DATA, message)
}
