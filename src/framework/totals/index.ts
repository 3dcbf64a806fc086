import { money } from "../money/index.ts"
import type { Amount } from "../money/index.ts"

/**
 * Totals of a cart-like document (a cart, an order), computed exactly and handed out as JSON
 * numbers. There are no tax lines, adjustments, gift cards or credit lines yet: their totals are 0,
 * and every `original_*` total equals its current one.
 */
export type TotalsItemInput = {
  unit_price: Amount
  quantity: Amount
  /** An order item's fulfilment and return quantities; adds their totals and `refundable_total`. */
  detail?: ItemQuantities
}

export type ItemQuantities = {
  fulfilled_quantity: Amount
  shipped_quantity: Amount
  delivered_quantity: Amount
  return_requested_quantity: Amount
  return_received_quantity: Amount
  written_off_quantity: Amount
}

export type TotalsShippingMethodInput = { amount: Amount }

export type LineItemTotals = {
  subtotal: number
  total: number
  original_subtotal: number
  original_total: number
  discount_subtotal: number
  discount_tax_total: number
  discount_total: number
  tax_total: number
  original_tax_total: number
  item_subtotal: number
  item_total: number
  item_tax_total: number
}

export type ItemQuantityTotals = {
  fulfilled_total: number
  shipped_total: number
  delivered_total: number
  return_requested_total: number
  return_received_total: number
  write_off_total: number
  refundable_total: number
  refundable_total_per_unit: number
}

export type ShippingMethodTotals = {
  subtotal: number
  total: number
  original_subtotal: number
  original_total: number
  discount_subtotal: number
  discount_tax_total: number
  discount_total: number
  tax_total: number
  original_tax_total: number
}

export type DocumentTotals = {
  total: number
  subtotal: number
  tax_total: number
  discount_total: number
  discount_subtotal: number
  discount_tax_total: number
  original_total: number
  original_subtotal: number
  original_tax_total: number
  item_total: number
  item_subtotal: number
  item_tax_total: number
  item_discount_total: number
  original_item_total: number
  original_item_subtotal: number
  original_item_tax_total: number
  shipping_total: number
  shipping_subtotal: number
  shipping_tax_total: number
  shipping_discount_total: number
  original_shipping_total: number
  original_shipping_subtotal: number
  original_shipping_tax_total: number
  gift_card_total: number
  gift_card_tax_total: number
  credit_line_total: number
  credit_line_subtotal: number
  credit_line_tax_total: number
}

type WithItemTotals<I> = I & LineItemTotals & (I extends { detail: ItemQuantities } ? ItemQuantityTotals : Partial<ItemQuantityTotals>)

export type TotalsResult<I, S> = {
  items: WithItemTotals<I>[]
  shipping_methods: (S & ShippingMethodTotals)[]
  totals: DocumentTotals
}

/** Each item and shipping method with its totals added, and the document's totals. */
export function computeTotals<I extends TotalsItemInput, S extends TotalsShippingMethodInput>(input: {
  items: readonly I[]
  shipping_methods: readonly S[]
}): TotalsResult<I, S> {
  const itemSubtotals = input.items.map((item) => money.multiply(item.unit_price, item.quantity))
  const shippingSubtotals = input.shipping_methods.map((method) => money.toDecimal(method.amount))
  const itemSubtotal = money.add(...itemSubtotals)
  const shippingSubtotal = money.add(...shippingSubtotals)
  const subtotal = money.add(itemSubtotal, shippingSubtotal)

  const items = input.items.map((item, index) => {
    const amount = money.toAmount(itemSubtotals[index] ?? 0)
    return { ...item, ...sameTotals(amount), item_subtotal: amount, item_total: amount, item_tax_total: 0, ...quantityTotals(item) }
  }) as WithItemTotals<I>[]
  const shippingMethods = input.shipping_methods.map((method, index) => ({
    ...method,
    ...sameTotals(money.toAmount(shippingSubtotals[index] ?? 0)),
  }))

  const itemAmount = money.toAmount(itemSubtotal)
  const shipping = money.toAmount(shippingSubtotal)
  const documentAmount = money.toAmount(subtotal)
  return {
    items,
    shipping_methods: shippingMethods,
    totals: {
      total: documentAmount,
      subtotal: documentAmount,
      tax_total: 0,
      discount_total: 0,
      discount_subtotal: 0,
      discount_tax_total: 0,
      original_total: documentAmount,
      original_subtotal: documentAmount,
      original_tax_total: 0,
      item_total: itemAmount,
      item_subtotal: itemAmount,
      item_tax_total: 0,
      item_discount_total: 0,
      original_item_total: itemAmount,
      original_item_subtotal: itemAmount,
      original_item_tax_total: 0,
      shipping_total: shipping,
      shipping_subtotal: shipping,
      shipping_tax_total: 0,
      shipping_discount_total: 0,
      original_shipping_total: shipping,
      original_shipping_subtotal: shipping,
      original_shipping_tax_total: 0,
      gift_card_total: 0,
      gift_card_tax_total: 0,
      credit_line_total: 0,
      credit_line_subtotal: 0,
      credit_line_tax_total: 0,
    },
  }
}

/** The totals of a line with neither taxes nor discounts: every total is its subtotal. */
function sameTotals(amount: number): ShippingMethodTotals {
  return {
    subtotal: amount,
    total: amount,
    original_subtotal: amount,
    original_total: amount,
    discount_subtotal: 0,
    discount_tax_total: 0,
    discount_total: 0,
    tax_total: 0,
    original_tax_total: 0,
  }
}

function quantityTotals(item: TotalsItemInput): ItemQuantityTotals | Record<string, never> {
  const detail = item.detail
  if (!detail) return {}
  const worth = (quantity: Amount) => money.toAmount(money.multiply(item.unit_price, quantity))
  const returned = money.add(detail.return_requested_quantity, detail.return_received_quantity)
  const refundableQuantity = money.max(0, money.subtract(item.quantity, returned))
  return {
    fulfilled_total: worth(detail.fulfilled_quantity),
    shipped_total: worth(detail.shipped_quantity),
    delivered_total: worth(detail.delivered_quantity),
    return_requested_total: worth(detail.return_requested_quantity),
    return_received_total: worth(detail.return_received_quantity),
    write_off_total: worth(detail.written_off_quantity),
    refundable_total: worth(refundableQuantity),
    refundable_total_per_unit: money.isZero(refundableQuantity) ? 0 : money.toAmount(item.unit_price),
  }
}
