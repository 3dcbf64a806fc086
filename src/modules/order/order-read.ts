import { pageClause, reviveDates } from "../../framework/modules/index.ts"
import { ADDRESS, FULFILLMENT, FULFILLMENT_ITEM, LINE_ITEM, ORDER, SHIPPING_METHOD } from "./order-columns.ts"
import type { Columns } from "./order-columns.ts"
import { orderDetail } from "./order-detail.ts"
import type {
  OrderAddressRow,
  OrderDetail,
  OrderFulfillmentDetail,
  OrderFulfillmentItemRow,
  OrderLineItemRow,
  OrderRow,
  OrderShippingMethodRow,
} from "./order-detail.ts"

type Row = Record<string, unknown>

// json_build_object takes at most 100 arguments: wider objects are built in parts and merged.
const MAX_PAIRS = 50

/** A row as a JSON object: its columns (decimals as text, never as lossy JSON numbers) and `extra` pairs. */
function jsonObject(columns: Columns, alias: string, names: readonly string[] = columns.names, extra: string[] = []): string {
  const pairs = [...names.map((name) => `'${name}', ${alias}."${name}"${columns.decimals.has(name) ? "::text" : ""}`), ...extra]
  const parts: string[] = []
  for (let i = 0; i < pairs.length; i += MAX_PAIRS) parts.push(`json_build_object(${pairs.slice(i, i + MAX_PAIRS).join(", ")})`)
  return parts.length === 1 ? (parts[0] as string) : `(${parts.map((part) => `${part}::jsonb`).join(" || ")})::json`
}

/** The live rows of `columns`' table whose `key` is `parent`'s, as a JSON list in the order they were made. */
function jsonList(columns: Columns, alias: string, key: string, parent: string, object: string): string {
  return `(select coalesce(json_agg(${object} order by ${alias}."created_at", ${alias}."id"), '[]'::json)
    from "${columns.table}" ${alias} where ${alias}."${key}" = ${parent} and ${alias}."deleted_at" is null)`
}

function jsonAddress(key: string): string {
  return `(select ${jsonObject(ADDRESS, "a")} from "${ADDRESS.table}" a where a."id" = o."${key}" and a."deleted_at" is null)`
}

/** A fulfilment (alias f) with its items. */
const FULFILLMENT_JSON = jsonObject(FULFILLMENT, "f", FULFILLMENT.names, [
  `'items', ${jsonList(FULFILLMENT_ITEM, "fi", "fulfillment_id", `f."id"`, jsonObject(FULFILLMENT_ITEM, "fi"))}`,
])

/** An order's parts (the order is alias o): lines, shipping methods and fulfilments as made, addresses by its keys. */
const ORDER_PARTS = [
  `'items', ${jsonList(LINE_ITEM, "i", "order_id", `o."id"`, jsonObject(LINE_ITEM, "i"))}`,
  `'shipping_methods', ${jsonList(SHIPPING_METHOD, "m", "order_id", `o."id"`, jsonObject(SHIPPING_METHOD, "m"))}`,
  `'shipping_address', ${jsonAddress("shipping_address_id")}`,
  `'billing_address', ${jsonAddress("billing_address_id")}`,
  `'fulfillments', ${jsonList(FULFILLMENT, "f", "order_id", `o."id"`, FULFILLMENT_JSON)}`,
]

export type OrderDetailQuery = {
  ids: readonly string[]
  /** Order columns to read (the id and address keys always are); every column when missing. */
  select?: readonly string[] | undefined
  withDeleted?: boolean | undefined
  take?: number | undefined
  skip?: number | undefined
}

/**
 * ONE statement reading orders by id (ordered by id) with all their parts, each order a JSON object
 * built by PostgreSQL; `reviveOrder` turns one into an OrderDetail. Parts soft-deleted are left out.
 */
export function orderDetailSql(query: OrderDetailQuery): { sql: string; params: unknown[] } {
  const names = query.select ? [...new Set(["id", ...query.select, "shipping_address_id", "billing_address_id"])] : ORDER.names
  const params: unknown[] = [...query.ids]
  let sql = `select ${jsonObject(ORDER, "o", names, ORDER_PARTS)} as "order"
    from "${ORDER.table}" o where o."id" in (${query.ids.map(() => "?").join(", ")})`
  if (!query.withDeleted) sql += ` and o."deleted_at" is null`
  sql += ` order by o."id"`
  sql += pageClause(query, params)
  return { sql, params }
}

/** ONE statement reading fulfilments by id with their items, each a JSON object. */
export function fulfillmentDetailSql(ids: readonly string[]): { sql: string; params: unknown[] } {
  return {
    sql: `select ${FULFILLMENT_JSON} as "fulfillment" from "${FULFILLMENT.table}" f
      where f."id" in (${ids.map(() => "?").join(", ")}) and f."deleted_at" is null order by f."id"`,
    params: [...ids],
  }
}

/** An order read by `orderDetailSql`, with its totals and fulfilment status. */
export function reviveOrder(json: Row): OrderDetail {
  const { items, shipping_methods, shipping_address, billing_address, fulfillments, ...order } = json
  return orderDetail(reviveDates(ORDER, order) as OrderRow, {
    items: (items as Row[]).map((item) => reviveDates(LINE_ITEM, item) as OrderLineItemRow),
    shipping_methods: (shipping_methods as Row[]).map((method) => reviveDates(SHIPPING_METHOD, method) as OrderShippingMethodRow),
    fulfillments: (fulfillments as Row[]).map(reviveFulfillment),
    shipping_address: shipping_address ? (reviveDates(ADDRESS, shipping_address as Row) as OrderAddressRow) : null,
    billing_address: billing_address ? (reviveDates(ADDRESS, billing_address as Row) as OrderAddressRow) : null,
  })
}

/** A fulfilment read by `fulfillmentDetailSql` (or within an order). */
export function reviveFulfillment(json: Row): OrderFulfillmentDetail {
  const { items, ...fulfillment } = json
  return {
    ...reviveDates(FULFILLMENT, fulfillment),
    items: (items as Row[]).map((item) => reviveDates(FULFILLMENT_ITEM, item) as OrderFulfillmentItemRow),
  } as OrderFulfillmentDetail
}
