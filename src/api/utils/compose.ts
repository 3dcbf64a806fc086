import { money } from "../../framework/money/index.ts"
import type { DocumentTotals, LineItemTotals, ShippingMethodTotals } from "../../framework/totals/index.ts"
import type { FieldTree } from "./field-tree.ts"

export type Row = Record<string, unknown>

const DOCUMENT_TOTALS: Record<keyof DocumentTotals, true> = {
  total: true,
  subtotal: true,
  tax_total: true,
  discount_total: true,
  discount_subtotal: true,
  discount_tax_total: true,
  original_total: true,
  original_subtotal: true,
  original_tax_total: true,
  item_total: true,
  item_subtotal: true,
  item_tax_total: true,
  item_discount_total: true,
  original_item_total: true,
  original_item_subtotal: true,
  original_item_tax_total: true,
  shipping_total: true,
  shipping_subtotal: true,
  shipping_tax_total: true,
  shipping_discount_total: true,
  original_shipping_total: true,
  original_shipping_subtotal: true,
  original_shipping_tax_total: true,
  gift_card_total: true,
  gift_card_tax_total: true,
  credit_line_total: true,
  credit_line_subtotal: true,
  credit_line_tax_total: true,
}

const LINE_ITEM_TOTALS: Record<keyof LineItemTotals, true> = {
  subtotal: true,
  total: true,
  original_subtotal: true,
  original_total: true,
  discount_subtotal: true,
  discount_tax_total: true,
  discount_total: true,
  tax_total: true,
  original_tax_total: true,
  item_subtotal: true,
  item_total: true,
  item_tax_total: true,
}

const SHIPPING_METHOD_TOTALS: Record<keyof ShippingMethodTotals, true> = {
  subtotal: true,
  total: true,
  original_subtotal: true,
  original_total: true,
  discount_subtotal: true,
  discount_tax_total: true,
  discount_total: true,
  tax_total: true,
  original_tax_total: true,
}

/** The totals a cart or an order answers with (computed, not columns). */
export const DOCUMENT_TOTAL_FIELDS = Object.keys(DOCUMENT_TOTALS) as (keyof DocumentTotals)[]
/** The totals of a line (refund and fulfilment totals of an order line are computed too, see the order). */
export const LINE_ITEM_TOTAL_FIELDS = Object.keys(LINE_ITEM_TOTALS) as (keyof LineItemTotals)[]
export const SHIPPING_METHOD_TOTAL_FIELDS = Object.keys(SHIPPING_METHOD_TOTALS) as (keyof ShippingMethodTotals)[]

/** Removes the named fields from a level of the tree; whether any of them was there. */
export function takeFields(tree: FieldTree, names: readonly string[]): boolean {
  let found = false
  for (const name of names) found = tree.fields.delete(name) || found
  return found
}

/**
 * A cart's or order's shipping methods as Query reads them: their totals are computed from `amount`,
 * their tax lines and adjustments composed, so none of those is asked of Query.
 */
export function planShippingMethodsRead(read: FieldTree): void {
  const methods = read.relations.get("shipping_methods")
  if (!methods) return
  takeFields(methods, SHIPPING_METHOD_TOTAL_FIELDS)
  for (const composed of ["tax_lines", "adjustments"]) methods.relations.delete(composed)
  methods.fields.add("amount")
}

/** A decimal column as the JSON number of the contract; null and missing stay as they are. */
export function toNumber(value: unknown): unknown {
  return typeof value === "string" && money.isAmount(value) ? money.toAmount(value) : value
}

/** The named decimal columns of a row as numbers (those the row has). */
export function withNumbers(row: Row, names: readonly string[]): Row {
  const converted: Row = { ...row }
  for (const name of names) if (name in converted) converted[name] = toNumber(converted[name])
  return converted
}

/** The payment collection of a cart or order with its amounts as numbers. */
export function paymentCollectionAmounts(collection: unknown): unknown {
  if (collection === null || typeof collection !== "object") return collection
  const row = withNumbers(collection as Row, ["amount", "authorized_amount", "captured_amount", "refunded_amount"])
  for (const relation of ["payment_sessions", "payments"]) {
    const list = row[relation]
    if (Array.isArray(list)) row[relation] = list.map((entry: Row) => withNumbers(entry, ["amount"]))
  }
  return row
}
