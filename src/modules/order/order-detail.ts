import type { InferEntity } from "../../framework/modules/index.ts"
import { money } from "../../framework/money/index.ts"
import { computeTotals } from "../../framework/totals/index.ts"
import type {
  DocumentTotals,
  ItemQuantityTotals,
  LineItemTotals,
  ShippingMethodTotals,
} from "../../framework/totals/index.ts"
import { computeFulfillmentStatus } from "./fulfillment-status.ts"
import type { FulfillmentStatus } from "./fulfillment-status.ts"
import type { OrderAddress } from "./models/address.ts"
import type { OrderFulfillmentItem } from "./models/fulfillment-item.ts"
import type { OrderFulfillment } from "./models/fulfillment.ts"
import type { OrderLineItem } from "./models/line-item.ts"
import type { Order } from "./models/order.ts"
import type { OrderShippingMethod } from "./models/shipping-method.ts"

export type OrderRow = Omit<
  InferEntity<typeof Order>,
  "items" | "shipping_methods" | "fulfillments" | "shipping_address" | "billing_address"
>
export type OrderAddressRow = InferEntity<typeof OrderAddress>
export type OrderLineItemRow = Omit<InferEntity<typeof OrderLineItem>, "order">
export type OrderShippingMethodRow = Omit<InferEntity<typeof OrderShippingMethod>, "order">
export type OrderFulfillmentRow = Omit<InferEntity<typeof OrderFulfillment>, "order" | "items">
export type OrderFulfillmentItemRow = Omit<InferEntity<typeof OrderFulfillmentItem>, "fulfillment" | "line_item">

type QuantityField =
  | "fulfilled_quantity"
  | "shipped_quantity"
  | "delivered_quantity"
  | "return_requested_quantity"
  | "return_received_quantity"
  | "written_off_quantity"

/** How much of a line was fulfilled, shipped, delivered, returned (API.md §6 "Order line item"). */
export type OrderLineItemQuantities = { quantity: number } & Record<QuantityField, number>

export type OrderLineItemDetail = Omit<OrderLineItemRow, QuantityField | "unit_price" | "compare_at_unit_price"> & {
  unit_price: number
  compare_at_unit_price: number | null
  detail: OrderLineItemQuantities
} & LineItemTotals &
  ItemQuantityTotals

export type OrderShippingMethodDetail = Omit<OrderShippingMethodRow, "amount"> & { amount: number } & ShippingMethodTotals
export type OrderFulfillmentDetail = OrderFulfillmentRow & { items: OrderFulfillmentItemRow[] }

/** An order with its parts, totals and fulfilment status (API.md §6 "Order"). */
export type OrderDetail = OrderRow & {
  shipping_address: OrderAddressRow | null
  billing_address: OrderAddressRow | null
  items: OrderLineItemDetail[]
  shipping_methods: OrderShippingMethodDetail[]
  fulfillments: OrderFulfillmentDetail[]
  fulfillment_status: FulfillmentStatus
} & DocumentTotals

export type OrderParts = {
  items: OrderLineItemRow[]
  shipping_methods: OrderShippingMethodRow[]
  fulfillments: OrderFulfillmentDetail[]
  shipping_address: OrderAddressRow | null
  billing_address: OrderAddressRow | null
}

/** Assembles an order from its rows; totals are computed from the stored decimals, then turned into numbers. */
export function orderDetail(order: OrderRow, parts: OrderParts): OrderDetail {
  const { items, shipping_methods, totals } = computeTotals({
    items: parts.items.map(withDetail),
    shipping_methods: parts.shipping_methods,
  })
  const lines = items.map(({ compare_at_unit_price, unit_price, ...item }) => ({
    ...item,
    unit_price: money.toAmount(unit_price),
    compare_at_unit_price: compare_at_unit_price === null ? null : money.toAmount(compare_at_unit_price),
  }))
  return {
    ...order,
    shipping_address: parts.shipping_address,
    billing_address: parts.billing_address,
    items: lines,
    shipping_methods: shipping_methods.map((method) => ({ ...method, amount: money.toAmount(method.amount) })),
    fulfillments: parts.fulfillments,
    fulfillment_status: computeFulfillmentStatus({ fulfillments: parts.fulfillments, items: lines }),
    ...totals,
  }
}

/** Moves a line's quantity columns into its `detail`, as the contract shapes it. */
function withDetail(row: OrderLineItemRow): Omit<OrderLineItemRow, QuantityField> & { detail: OrderLineItemQuantities } {
  const { fulfilled_quantity, shipped_quantity, delivered_quantity, return_requested_quantity, return_received_quantity, written_off_quantity, ...line } = row
  return {
    ...line,
    detail: {
      quantity: row.quantity,
      fulfilled_quantity,
      shipped_quantity,
      delivered_quantity,
      return_requested_quantity,
      return_received_quantity,
      written_off_quantity,
    },
  }
}
