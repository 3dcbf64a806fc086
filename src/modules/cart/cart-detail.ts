import type { InferEntity } from "../../framework/modules/index.ts"
import { money } from "../../framework/money/index.ts"
import { computeTotals } from "../../framework/totals/index.ts"
import type { DocumentTotals, LineItemTotals, ShippingMethodTotals } from "../../framework/totals/index.ts"
import type { Address } from "./models/address.ts"
import type { Cart } from "./models/cart.ts"
import type { LineItem } from "./models/line-item.ts"
import type { ShippingMethod } from "./models/shipping-method.ts"

export type CartRow = Omit<InferEntity<typeof Cart>, "items" | "shipping_methods" | "shipping_address" | "billing_address">
export type CartAddress = InferEntity<typeof Address>
export type LineItemRow = Omit<InferEntity<typeof LineItem>, "cart">
export type ShippingMethodRow = Omit<InferEntity<typeof ShippingMethod>, "cart">

/** A line item as it leaves the module: prices as JSON numbers, with its totals. */
export type CartLineItem = Omit<LineItemRow, "unit_price" | "compare_at_unit_price"> & {
  unit_price: number
  compare_at_unit_price: number | null
} & LineItemTotals

export type CartShippingMethod = Omit<ShippingMethodRow, "amount"> & { amount: number } & ShippingMethodTotals

/** A cart with its addresses, lines, shipping methods and totals (API.md §6 "Cart"). */
export type CartDetail = CartRow & {
  shipping_address: CartAddress | null
  billing_address: CartAddress | null
  items: CartLineItem[]
  shipping_methods: CartShippingMethod[]
} & DocumentTotals

export type CartParts = {
  items: LineItemRow[]
  shipping_methods: ShippingMethodRow[]
  addresses: Map<string, CartAddress>
}

/** Assembles a cart from its rows; totals are computed from the stored decimals, then turned into numbers. */
export function cartDetail(cart: CartRow, parts: CartParts): CartDetail {
  const { items, shipping_methods, totals } = computeTotals({ items: parts.items, shipping_methods: parts.shipping_methods })
  return {
    ...cart,
    shipping_address: addressOf(cart.shipping_address_id, parts.addresses),
    billing_address: addressOf(cart.billing_address_id, parts.addresses),
    items: items.map(lineItemAmounts),
    shipping_methods: shipping_methods.map((method) => ({ ...method, amount: money.toAmount(method.amount) })),
    ...totals,
  }
}

/** A cart row carrying its parts as read in one statement (by the module, or through Query). */
export type CartWithParts = CartRow & {
  items?: LineItemRow[] | null
  shipping_methods?: ShippingMethodRow[] | null
  shipping_address?: CartAddress | null
  billing_address?: CartAddress | null
}

/** `cartDetail` of a cart read with its parts: what `retrieveCart` answers, whoever read the rows. */
export function cartDetailOf(row: CartWithParts): CartDetail {
  const { items, shipping_methods, shipping_address, billing_address, ...cart } = row
  const addresses = new Map<string, CartAddress>()
  for (const address of [shipping_address, billing_address]) if (address) addresses.set(address.id, address)
  return cartDetail(cart, { items: items ?? [], shipping_methods: shipping_methods ?? [], addresses })
}

/** Line items with their own totals, as addLineItems answers. */
export function lineItemDetails(rows: LineItemRow[]): CartLineItem[] {
  return computeTotals({ items: rows, shipping_methods: [] }).items.map(lineItemAmounts)
}

export function shippingMethodDetails(rows: ShippingMethodRow[]): CartShippingMethod[] {
  return computeTotals({ items: [], shipping_methods: rows }).shipping_methods.map((method) => ({
    ...method,
    amount: money.toAmount(method.amount),
  }))
}

function lineItemAmounts<T extends LineItemRow>(item: T): Omit<T, "unit_price" | "compare_at_unit_price"> & {
  unit_price: number
  compare_at_unit_price: number | null
} {
  const compareAt = item.compare_at_unit_price
  return {
    ...item,
    unit_price: money.toAmount(item.unit_price),
    compare_at_unit_price: compareAt === null || compareAt === undefined ? null : money.toAmount(compareAt),
  }
}

function addressOf(id: string | null | undefined, addresses: Map<string, CartAddress>): CartAddress | null {
  return id ? (addresses.get(id) ?? null) : null
}
