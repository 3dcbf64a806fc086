import type { AwilixContainer } from "awilix"
import { AgoraError } from "../../../framework/errors/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { checkFieldsReadable } from "../../utils/check-fields.ts"

type Row = Record<string, unknown>
type Read = { filters: Record<string, unknown>; fields: string[]; pagination?: { skip: number; take: number; order: Record<string, "ASC" | "DESC"> | undefined } }

/** Reads shipping options through Query; their prices' amounts (decimal strings there) become JSON numbers. */
export async function readShippingOptions(scope: AwilixContainer, read: Read) {
  const { data, metadata } = await scope.resolve<Query>("query").graph({ entity: "shipping_option", ...read })
  return { options: data.map(withNumericPrices), count: metadata.count, skip: metadata.skip, take: metadata.take }
}

export async function retrieveShippingOption(scope: AwilixContainer, id: string, fields: string[]): Promise<Row> {
  const { options } = await readShippingOptions(scope, { filters: { id }, fields, pagination: { skip: 0, take: 1, order: undefined } })
  if (!options[0]) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Shipping option with id: ${id} was not found`)
  return options[0]
}

/** Refuses fields Query cannot read before a write (see `checkFieldsReadable`). */
export function checkShippingOptionFields(scope: AwilixContainer, fields: string[]): void {
  checkFieldsReadable(scope, "shipping_option", fields)
}

/** Medusa's list filters, as Query's: by stock location through the zone's fulfillment set, by rule for the store flags. */
export function shippingOptionFilters(query: Record<string, unknown>): Record<string, unknown> {
  const { stock_location_id, is_return, admin_only, shipping_option_type_id, ...filters } = query
  const rules: Record<string, unknown>[] = []
  if (typeof is_return === "boolean") rules.push({ rules: { attribute: "is_return", value: jsonString(String(is_return)) } })
  if (typeof admin_only === "boolean") rules.push({ rules: { attribute: "enabled_in_store", value: jsonString(String(!admin_only)) } })
  return {
    ...filters,
    ...(shipping_option_type_id === undefined ? {} : { type_id: shipping_option_type_id }),
    ...(stock_location_id === undefined ? {} : { service_zone: { fulfillment_set: { stock_location: { id: stock_location_id } } } }),
    ...(rules.length === 0 ? {} : { $and: rules }),
  }
}

function withNumericPrices(option: Row): Row {
  if (!Array.isArray(option.prices)) return option
  const prices = (option.prices as Row[]).map((price) => (typeof price.amount === "string" ? { ...price, amount: Number(price.amount) } : price))
  return { ...option, prices }
}

/** A rule's value is a JSON column: a string compares equal as its JSON text (`"true"`, quotes included). */
function jsonString(value: string): string {
  return JSON.stringify(value)
}
