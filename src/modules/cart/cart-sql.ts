/**
 * The cart module's hand-written statements: a cart with its parts read in one statement, and a
 * cart's own columns updated in one. Every identifier comes from the models; every value is a
 * parameter.
 */
import { jsonColumnsOf, pageClause, Property, reviveDates } from "../../framework/modules/index.ts"
import type { JsonColumns } from "../../framework/modules/index.ts"
import { cartDetailOf } from "./cart-detail.ts"
import type { CartAddress, CartDetail, CartRow, LineItemRow, ShippingMethodRow } from "./cart-detail.ts"
import { Address } from "./models/address.ts"
import { Cart } from "./models/cart.ts"
import { LineItem } from "./models/line-item.ts"
import { ShippingMethod } from "./models/shipping-method.ts"

type Row = Record<string, unknown>

const TIMESTAMPS = ["created_at", "updated_at", "deleted_at"]

const CART = jsonColumnsOf(Cart)
const LINE_ITEM = jsonColumnsOf(LineItem)
const SHIPPING_METHOD = jsonColumnsOf(ShippingMethod)
const ADDRESS = jsonColumnsOf(Address)

/** The cart columns a read may narrow to (the generated CRUD refuses any other name). */
export function isCartColumn(name: string): boolean {
  return CART.names.includes(name)
}

/** `'name', alias."name"` for each column, decimals as text (never as lossy JSON numbers). */
function jsonPairs(columns: JsonColumns, alias: string, names: readonly string[] = columns.names): string {
  return names.map((name) => `'${name}', ${alias}."${name}"${columns.decimals.has(name) ? "::text" : ""}`).join(", ")
}

function jsonObject(columns: JsonColumns, alias: string): string {
  return `json_build_object(${jsonPairs(columns, alias)})`
}

/** Lines and shipping methods in the order they were added; addresses by the cart's keys. */
const PARTS = [
  `'items', (select coalesce(json_agg(${jsonObject(LINE_ITEM, "i")} order by i."created_at", i."id"), '[]'::json)
    from "cart_line_item" i where i."cart_id" = c."id" and i."deleted_at" is null)`,
  `'shipping_methods', (select coalesce(json_agg(${jsonObject(SHIPPING_METHOD, "m")} order by m."created_at", m."id"), '[]'::json)
    from "cart_shipping_method" m where m."cart_id" = c."id" and m."deleted_at" is null)`,
  `'shipping_address', (select ${jsonObject(ADDRESS, "a")} from "cart_address" a
    where a."id" = c."shipping_address_id" and a."deleted_at" is null)`,
  `'billing_address', (select ${jsonObject(ADDRESS, "a")} from "cart_address" a
    where a."id" = c."billing_address_id" and a."deleted_at" is null)`,
].join(", ")

export type CartDetailQuery = {
  ids: string[]
  /** Cart columns to read (the id and address keys always are); every column when missing. */
  select?: readonly string[] | undefined
  withDeleted?: boolean | undefined
  take?: number | undefined
  skip?: number | undefined
}

/**
 * ONE statement reading carts by id with their lines, shipping methods and addresses, each cart a
 * JSON object built by PostgreSQL (ordered by id); `reviveCart` turns a row into a CartDetail.
 */
export function cartDetailSql(query: CartDetailQuery): { sql: string; params: unknown[] } {
  const names = query.select
    ? [...new Set(["id", ...query.select, "shipping_address_id", "billing_address_id"])]
    : CART.names
  const params: unknown[] = [...query.ids]
  let sql = `select json_build_object(${jsonPairs(CART, "c", names)}, ${PARTS}) as "cart"
    from "cart" c where c."id" in (${query.ids.map(() => "?").join(", ")})`
  if (!query.withDeleted) sql += ` and c."deleted_at" is null`
  sql += ` order by c."id"`
  sql += pageClause(query, params)
  return { sql, params }
}

/** A cart read by `cartDetailSql`, its timestamps as Dates, with its totals. */
export function reviveCart(json: Row): CartDetail {
  const { items, shipping_methods, shipping_address, billing_address, ...cart } = json
  return cartDetailOf({
    ...(reviveDates(CART, cart) as CartRow),
    items: ((items ?? []) as Row[]).map((item) => reviveDates(LINE_ITEM, item) as LineItemRow),
    shipping_methods: ((shipping_methods ?? []) as Row[]).map((method) => reviveDates(SHIPPING_METHOD, method) as ShippingMethodRow),
    shipping_address: shipping_address ? (reviveDates(ADDRESS, shipping_address as Row) as CartAddress) : null,
    billing_address: billing_address ? (reviveDates(ADDRESS, billing_address as Row) as CartAddress) : null,
  })
}


/** Columns an update may set directly: the cart's own, but its key and timestamps. */
const UPDATABLE = new Set(CART.names.filter((name) => !["id", ...TIMESTAMPS].includes(name)))

const JSON_COLUMNS = new Set(
  Object.entries(Cart.schema).flatMap(([key, field]) => (field instanceof Property && field.definition.kind === "json" ? [key] : [])),
)

/** A column's value as a parameter PostgreSQL reads as the column's type; undefined for a value the column cannot take as is. */
function columnValue(name: string, value: unknown): { sql: string; param: unknown } | undefined {
  if (value === null) return { sql: "?", param: null }
  if (JSON_COLUMNS.has(name)) return { sql: "?::jsonb", param: JSON.stringify(value) }
  if (CART.dates.has(name)) return value instanceof Date ? { sql: "?::timestamptz", param: value.toISOString() } : undefined
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? { sql: "?", param: value } : undefined
}

/**
 * ONE statement updating a cart's own columns (a cart not soft-deleted) with its `updated_at`, and
 * answering the cart's row; undefined when the change is anything else (another key, a value that
 * is not plain), for the generated update to handle.
 */
export function cartUpdateSql(change: Record<string, unknown>, now: Date): { sql: string; params: unknown[] } | undefined {
  const { id, ...columns } = change
  if (typeof id !== "string") return undefined
  const sets: string[] = []
  const params: unknown[] = []
  for (const [name, value] of Object.entries(columns)) {
    if (value === undefined) continue
    const column = UPDATABLE.has(name) ? columnValue(name, value) : undefined
    if (!column) return undefined
    sets.push(`"${name}" = ${column.sql}`)
    params.push(column.param)
  }
  sets.push(`"updated_at" = ?::timestamptz`)
  params.push(now.toISOString(), id)
  return {
    sql: `update "cart" c set ${sets.join(", ")} where c."id" = ? and c."deleted_at" is null
      returning json_build_object(${jsonPairs(CART, "c")}) as "cart"`,
    params,
  }
}

/** A cart row answered by `cartUpdateSql`, its timestamps as Dates. */
export function reviveCartRow(json: Row): CartRow {
  return reviveDates(CART, json) as CartRow
}
