import { generateId, Property, Relation } from "../../framework/modules/index.ts"
import type { AnyModel } from "../../framework/modules/index.ts"
import { OrderAddress } from "./models/address.ts"
import { OrderFulfillmentItem } from "./models/fulfillment-item.ts"
import { OrderFulfillment } from "./models/fulfillment.ts"
import { OrderLineItem } from "./models/line-item.ts"
import { Order } from "./models/order.ts"
import { OrderShippingMethod } from "./models/shipping-method.ts"

type Row = Record<string, unknown>

/** A table's columns as its rows carry them (properties, foreign keys, timestamps), and which hold dates or decimals. */
export type Columns = {
  model: AnyModel
  table: string
  names: readonly string[]
  dates: ReadonlySet<string>
  decimals: ReadonlySet<string>
}

const TIMESTAMPS = ["created_at", "updated_at", "deleted_at"]

function columnsOf(model: AnyModel): Columns {
  const names: string[] = []
  const dates = new Set(TIMESTAMPS)
  const decimals = new Set<string>()
  for (const [key, field] of Object.entries(model.schema)) {
    if (field instanceof Relation) {
      if (field.definition.kind === "belongsTo") names.push(`${key}_id`)
      continue
    }
    names.push(key)
    if (field.definition.kind === "dateTime") dates.add(key)
    if (field.definition.kind === "bigNumber") decimals.add(key)
  }
  return { model, table: model.tableName, names: [...names, ...TIMESTAMPS], dates, decimals }
}

export const ORDER = columnsOf(Order)
export const ADDRESS = columnsOf(OrderAddress)
export const LINE_ITEM = columnsOf(OrderLineItem)
export const SHIPPING_METHOD = columnsOf(OrderShippingMethod)
export const FULFILLMENT = columnsOf(OrderFulfillment)
export const FULFILLMENT_ITEM = columnsOf(OrderFulfillmentItem)

/** The order columns a read may narrow to (the generated CRUD refuses any other name). */
export function isOrderColumn(name: string): boolean {
  return ORDER.names.includes(name)
}

/**
 * A new row of the table with every column set, as the generated create makes one: a generated id,
 * the model's defaults, null for what is nullable, decimals as strings, `now` as its timestamps.
 */
export function completeRow(columns: Columns, input: Row, now: Date): Row {
  const row: Row = {}
  for (const name of columns.names) {
    const field = columns.model.schema[name]
    let value = input[name]
    if (value === undefined && field instanceof Property) {
      const definition = field.definition
      if (definition.kind === "id") value = generateId(definition.prefix)
      else if (definition.hasDefault) value = structuredClone(definition.defaultValue)
    }
    if (typeof value === "number" && columns.decimals.has(name)) value = String(value)
    row[name] = value ?? null
  }
  row.created_at = input.created_at ?? now
  row.updated_at = input.updated_at ?? now
  return row
}

/** JSON carries timestamps as ISO text; services hand out Dates. */
export function revive(columns: Columns, row: Row): Row {
  for (const name of columns.dates) {
    const value = row[name]
    if (typeof value === "string") row[name] = new Date(value)
  }
  return row
}
