import { AgoraError } from "../../framework/errors/index.ts"
import { addressRow, lineItemRow, shippingMethodRow } from "./inputs.ts"
import type { CreateOrderInput } from "./inputs.ts"
import { ORDER_STATUSES } from "./models/order.ts"
import { ADDRESS, completeRow, LINE_ITEM, ORDER, SHIPPING_METHOD } from "./order-columns.ts"
import type { Columns } from "./order-columns.ts"
import { orderDetail } from "./order-detail.ts"
import type { OrderAddressRow, OrderDetail, OrderLineItemRow, OrderRow, OrderShippingMethodRow } from "./order-detail.ts"

type Row = Record<string, unknown>

/** An order's complete rows, ready to insert; its display_id is null until the insert numbers it. */
export type NewOrder = {
  order: Row
  shipping_address: Row | null
  billing_address: Row | null
  items: Row[]
  shipping_methods: Row[]
}

/** Checks an order to create and makes its rows, ids and defaults included. */
export function newOrder(input: CreateOrderInput, now: Date): NewOrder {
  const { shipping_address, billing_address, items, shipping_methods, ...order } = input
  if (typeof order.currency_code !== "string" || order.currency_code.trim() === "") {
    throw invalid("Order currency_code is required")
  }
  if (order.status !== undefined && !ORDER_STATUSES.includes(order.status)) {
    throw invalid(`Order status must be one of ${ORDER_STATUSES.join(", ")}, got ${String(order.status)}`)
  }
  if (order.fulfillments !== undefined) {
    throw invalid("Order fulfillments cannot be given with the order: create them with createFulfillment")
  }
  const shipping = shipping_address ? completeRow(ADDRESS, addressRow(shipping_address), now) : null
  const billing = billing_address ? completeRow(ADDRESS, addressRow(billing_address), now) : null
  const row = completeRow(
    ORDER,
    {
      ...order,
      display_id: undefined,
      currency_code: order.currency_code.toLowerCase(),
      shipping_address_id: shipping?.id ?? order.shipping_address_id,
      billing_address_id: billing?.id ?? order.billing_address_id,
    },
    now,
  )
  const part = (columns: Columns, fields: Row) => completeRow(columns, { ...fields, order_id: row.id }, now)
  return {
    order: row,
    shipping_address: shipping,
    billing_address: billing,
    items: (items ?? []).map((item) => part(LINE_ITEM, lineItemRow(item))),
    shipping_methods: (shipping_methods ?? []).map((method) => part(SHIPPING_METHOD, shippingMethodRow(method))),
  }
}

const list = (names: readonly string[], alias = "") => names.map((name) => `${alias}"${name}"`).join(", ")

/** The rows of a JSON list of objects into the table, each key its column: one statement text whatever the number of rows. */
function insertRows(columns: Columns): string {
  return `insert into "${columns.table}" (${list(columns.names)})
    select ${list(columns.names)} from json_populate_recordset(null::"${columns.table}", ?::json)`
}

// display_id is left to the column's default, nextval('order_display_id_seq'), and returned; the
// orders go in in the order given, so their numbers increase in that order.
const NUMBERED = ORDER.names.filter((name) => name !== "display_id")

/**
 * ONE statement creating orders with their addresses, lines and shipping methods, answering each
 * order's id and display_id. A single statement is atomic: no transaction is needed around it, and
 * the foreign keys between its parts are checked when it ends.
 */
export const INSERT_ORDERS_SQL = `with
  "new_addresses" as (${insertRows(ADDRESS)}),
  "new_orders" as (insert into "${ORDER.table}" (${list(NUMBERED)})
    select ${list(NUMBERED, "r.")} from json_populate_recordset(null::"${ORDER.table}", ?::json) with ordinality as r
    order by r."ordinality" returning "id", "display_id"),
  "new_items" as (${insertRows(LINE_ITEM)}),
  "new_shipping_methods" as (${insertRows(SHIPPING_METHOD)})
  select "id", "display_id" from "new_orders"`

export function insertOrdersParams(orders: readonly NewOrder[]): string[] {
  return [
    JSON.stringify(orders.flatMap((order) => [order.shipping_address, order.billing_address].filter((address) => address !== null))),
    JSON.stringify(orders.map((order) => order.order)),
    JSON.stringify(orders.flatMap((order) => order.items)),
    JSON.stringify(orders.flatMap((order) => order.shipping_methods)),
  ]
}

/** A created order as a read would answer it, from the rows written and the display_id the insert took. */
export function createdOrderDetail(created: NewOrder, displayId: number): OrderDetail {
  return orderDetail({ ...created.order, display_id: displayId } as OrderRow, {
    items: created.items as OrderLineItemRow[],
    shipping_methods: created.shipping_methods as OrderShippingMethodRow[],
    fulfillments: [],
    shipping_address: created.shipping_address as OrderAddressRow | null,
    billing_address: created.billing_address as OrderAddressRow | null,
  })
}

function invalid(message: string): AgoraError {
  return new AgoraError(AgoraError.Types.INVALID_DATA, message)
}
