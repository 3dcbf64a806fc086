import { AgoraError } from "../../framework/errors/index.ts"
import type { InferCreateInput } from "../../framework/modules/index.ts"
import { money } from "../../framework/money/index.ts"
import type { Address } from "./models/address.ts"
import type { LineItem } from "./models/line-item.ts"
import type { ShippingMethod } from "./models/shipping-method.ts"

export type CartAddressInput = Omit<InferCreateInput<typeof Address>, "id">
export type CartLineItemInput = Omit<InferCreateInput<typeof LineItem>, "id" | "cart_id">
export type CartShippingMethodInput = Omit<InferCreateInput<typeof ShippingMethod>, "id" | "cart_id">

type Row = Record<string, unknown>

/** The snapshot a line keeps of its variant and product; anything else given (ids, totals) is left out. */
const LINE_ITEM_FIELDS = [
  "title", "subtitle", "thumbnail", "quantity", "variant_id", "product_id", "product_title",
  "product_description", "product_subtitle", "product_type", "product_collection", "product_handle",
  "variant_sku", "variant_barcode", "variant_title", "variant_option_values", "requires_shipping",
  "is_discountable", "is_tax_inclusive", "unit_price", "compare_at_unit_price", "metadata",
] as const

const SHIPPING_METHOD_FIELDS = ["name", "amount", "is_tax_inclusive", "shipping_option_id", "data", "metadata"] as const

const ADDRESS_FIELDS = [
  "first_name", "last_name", "company", "address_1", "address_2", "city", "postal_code",
  "country_code", "province", "phone", "metadata",
] as const

function pick(input: Row, fields: readonly string[]): Row {
  const row: Row = {}
  for (const field of fields) if (input[field] !== undefined) row[field] = input[field]
  return row
}

function invalid(message: string): AgoraError {
  return new AgoraError(AgoraError.Types.INVALID_DATA, message)
}

/** A line item's columns, checked: a title, a positive whole quantity, prices that are amounts of 0 or more. */
export function lineItemRow(input: Row): CartLineItemInput {
  const row = pick(input, LINE_ITEM_FIELDS)
  if (typeof row.title !== "string" || row.title.trim() === "") throw invalid("Line item title is required")
  const quantity = row.quantity
  if (typeof quantity !== "number" || !Number.isInteger(quantity) || quantity < 1) {
    throw invalid(`Line item quantity must be a positive whole number, got ${String(quantity)}`)
  }
  row.unit_price = amount(row.unit_price, "Line item unit_price")
  if (row.compare_at_unit_price !== undefined && row.compare_at_unit_price !== null) {
    row.compare_at_unit_price = amount(row.compare_at_unit_price, "Line item compare_at_unit_price")
  }
  return row as CartLineItemInput
}

export function shippingMethodRow(input: Row): CartShippingMethodInput {
  const row = pick(input, SHIPPING_METHOD_FIELDS)
  if (typeof row.name !== "string" || row.name.trim() === "") throw invalid("Shipping method name is required")
  row.amount = amount(row.amount, "Shipping method amount")
  return row as CartShippingMethodInput
}

/** An address's columns; country codes are stored lowercase (API.md §1). */
export function addressRow(input: Row): CartAddressInput {
  const row = pick(input, ADDRESS_FIELDS)
  if (typeof row.country_code === "string") row.country_code = row.country_code.toLowerCase()
  return row as CartAddressInput
}

function amount(value: unknown, label: string): string {
  if (!isAmount(value) || money.compare(value, 0) < 0) {
    throw invalid(`${label} must be an amount of 0 or more, got ${JSON.stringify(value) ?? String(value)}`)
  }
  return money.toDecimal(value)
}

/** `money.isAmount` throws on a string that is not a number (bignumber.js does), where a no is wanted. */
function isAmount(value: unknown): value is string | number {
  try {
    return money.isAmount(value)
  } catch {
    return false
  }
}
