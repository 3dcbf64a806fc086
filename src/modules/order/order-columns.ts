import { generateId, jsonColumnsOf, Property } from "../../framework/modules/index.ts"
import type { AnyModel, JsonColumns } from "../../framework/modules/index.ts"
import { OrderAddress } from "./models/address.ts"
import { OrderFulfillmentItem } from "./models/fulfillment-item.ts"
import { OrderFulfillment } from "./models/fulfillment.ts"
import { OrderLineItem } from "./models/line-item.ts"
import { Order } from "./models/order.ts"
import { OrderShippingMethod } from "./models/shipping-method.ts"

type Row = Record<string, unknown>

/** A table's columns as its JSON reads carry them, with its model and table for the writes. */
export type Columns = JsonColumns & { model: AnyModel; table: string }

function columnsOf(model: AnyModel): Columns {
  return { ...jsonColumnsOf(model), model, table: model.tableName }
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

