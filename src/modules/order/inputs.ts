import { AgoraError } from "../../framework/errors/index.ts"
import type { InferCreateInput } from "../../framework/modules/index.ts"
import { money } from "../../framework/money/index.ts"
import type { OrderAddress } from "./models/address.ts"
import type { OrderLineItem } from "./models/line-item.ts"
import type { Order } from "./models/order.ts"
import type { OrderShippingMethod } from "./models/shipping-method.ts"

export type OrderAddressInput = Omit<InferCreateInput<typeof OrderAddress>, "id">
export type OrderLineItemInput = Omit<InferCreateInput<typeof OrderLineItem>, "id" | "order_id" | QuantityField>
export type OrderShippingMethodInput = Omit<InferCreateInput<typeof OrderShippingMethod>, "id" | "order_id">

export type CreateOrderInput = Omit<InferCreateInput<typeof Order>, "id" | "display_id"> & {
  id?: string
  shipping_address?: OrderAddressInput | null
  billing_address?: OrderAddressInput | null
}

type Row = Record<string, unknown>

/** Fulfilment and return progress: it starts at 0 and only the order's own operations move it. */
type QuantityField =
  | "fulfilled_quantity"
  | "shipped_quantity"
  | "delivered_quantity"
  | "return_requested_quantity"
  | "return_received_quantity"
  | "written_off_quantity"

/**
 * The snapshot a line keeps of its variant and product (the cart line's fields); anything else given
 * (ids, cart_id, totals) is left out, so a cart's lines can be handed over as they are read.
 */
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

/** An order line item's columns, checked: a title, a positive whole quantity, prices that are amounts of 0 or more. */
export function lineItemRow(input: Row): OrderLineItemInput {
  const row = pick(input, LINE_ITEM_FIELDS)
  if (typeof row.title !== "string" || row.title.trim() === "") throw invalid("Order line item title is required")
  const quantity = row.quantity
  if (typeof quantity !== "number" || !Number.isInteger(quantity) || quantity < 1) {
    throw invalid(`Order line item quantity must be a positive whole number, got ${String(quantity)}`)
  }
  row.unit_price = amount(row.unit_price, "Order line item unit_price")
  if (row.compare_at_unit_price !== undefined && row.compare_at_unit_price !== null) {
    row.compare_at_unit_price = amount(row.compare_at_unit_price, "Order line item compare_at_unit_price")
  }
  return row as OrderLineItemInput
}

export function shippingMethodRow(input: Row): OrderShippingMethodInput {
  const row = pick(input, SHIPPING_METHOD_FIELDS)
  if (typeof row.name !== "string" || row.name.trim() === "") throw invalid("Shipping method name is required")
  row.amount = amount(row.amount, "Shipping method amount")
  return row as OrderShippingMethodInput
}

/** An address's columns; country codes are stored lowercase (API.md §1). */
export function addressRow(input: Row): OrderAddressInput {
  const row = pick(input, ADDRESS_FIELDS)
  if (typeof row.country_code === "string") row.country_code = row.country_code.toLowerCase()
  return row as OrderAddressInput
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
