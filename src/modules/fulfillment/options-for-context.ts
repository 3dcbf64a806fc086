import type { Database } from "../../framework/database/index.ts"
import { parseTimestamp } from "./timestamps.ts"
import { rulesHold } from "./rules.ts"
import type { Rule } from "./rules.ts"
import type { ShippingOptionDTO, ShippingOptionTypeDTO } from "./types.ts"

export type ShippingAddress = {
  country_code: string
  province_code?: string | null
  city?: string | null
  postal_code?: string | null
}

export type ShippingOptionContext = {
  /** The customer's address: only options whose service zone has a geo zone covering it are returned. */
  address: ShippingAddress
  /** Only options of these fulfillment sets (e.g. those of the stock locations of a sales channel). */
  fulfillment_set_ids?: string[]
  id?: string | string[]
  shipping_profile_id?: string | string[]
  /** Checked against the options' `is_return` rule. */
  is_return?: boolean
  /** Checked against the options' `enabled_in_store` rule. */
  enabled_in_store?: boolean
  /** Further attributes the options' rules may test (`customer.group_id` ...). */
  context?: Record<string, unknown>
}

export type ShippingOptionForContext = ShippingOptionDTO & {
  type: Pick<ShippingOptionTypeDTO, "id" | "label" | "description" | "code">
  rules: (Rule & { id: string; shipping_option_id: string })[]
  service_zone: { id: string; name: string; fulfillment_set_id: string }
}

type Row = Omit<ShippingOptionForContext, "created_at" | "updated_at" | "deleted_at"> & {
  created_at: unknown
  updated_at: unknown
  deleted_at: unknown
}

/**
 * The shipping options available for an address and context, in one SQL query: the geo zones are
 * matched in the database, and each option comes with its type, rules and service zone, whose rules
 * are then checked against the context.
 */
export async function listShippingOptionsForContext(
  database: Database,
  input: ShippingOptionContext,
): Promise<ShippingOptionForContext[]> {
  const params: unknown[] = []
  const conditions = [`so.deleted_at is null`, geoZoneCondition(input.address, params)]
  if (input.fulfillment_set_ids) conditions.push(inList("sz.fulfillment_set_id", input.fulfillment_set_ids, params))
  if (input.id !== undefined) conditions.push(inList("so.id", [input.id].flat(), params))
  if (input.shipping_profile_id !== undefined) {
    conditions.push(inList("so.shipping_profile_id", [input.shipping_profile_id].flat(), params))
  }
  const rows = await database.execute<Row>(
    `select so.id, so.name, so.price_type, so.data, so.metadata, so.service_zone_id, so.shipping_profile_id,
       so.provider_id, so.type_id, so.created_at, so.updated_at, so.deleted_at,
       json_build_object('id', t.id, 'label', t.label, 'description', t.description, 'code', t.code) as type,
       json_build_object('id', sz.id, 'name', sz.name, 'fulfillment_set_id', sz.fulfillment_set_id) as service_zone,
       coalesce((
         select json_agg(json_build_object('id', r.id, 'attribute', r.attribute, 'operator', r.operator,
                  'value', r.value, 'shipping_option_id', r.shipping_option_id) order by r.id)
         from shipping_option_rule r where r.shipping_option_id = so.id and r.deleted_at is null
       ), '[]'::json) as rules
     from shipping_option so
     join service_zone sz on sz.id = so.service_zone_id and sz.deleted_at is null
     join fulfillment_set fs on fs.id = sz.fulfillment_set_id and fs.deleted_at is null
     join shipping_option_type t on t.id = so.type_id
     join fulfillment_provider p on p.id = so.provider_id and p.is_enabled and p.deleted_at is null
     where ${conditions.join(" and ")}
     order by so.created_at, so.id`,
    params,
  )
  const context = ruleContext(input)
  return rows
    .filter((row) => context === undefined || rulesHold(row.rules, context))
    .map((row) => ({
      ...row,
      created_at: parseTimestamp(row.created_at),
      updated_at: parseTimestamp(row.updated_at),
      deleted_at: row.deleted_at === null ? null : parseTimestamp(row.deleted_at),
    }))
}

/**
 * A service zone covers the address when one of its geo zones does: same country, and for narrower
 * zones the same province, city and postal code (case and spaces aside). A zip zone's
 * `postal_expression` is a code, or a prefix ending in `*`.
 */
function geoZoneCondition(address: ShippingAddress, params: unknown[]): string {
  const province = address.province_code?.trim().toLowerCase() || null
  const city = address.city?.trim().toLowerCase() || null
  const postal = address.postal_code?.replace(/\s+/g, "").toUpperCase() || null
  params.push(address.country_code.trim().toLowerCase(), province, province, city, province, city, postal)
  return `exists (
    select 1 from geo_zone g
    where g.service_zone_id = sz.id and g.deleted_at is null and lower(g.country_code) = ?
      and (g.type = 'country'
        or (g.type = 'province' and lower(g.province_code) = ?)
        or (g.type = 'city' and lower(g.province_code) = ? and lower(g.city) = ?)
        or (g.type = 'zip' and lower(g.province_code) = ? and lower(g.city) = ?
            and ?::text like replace(replace(replace(replace(upper(replace(g.postal_expression, ' ', '')),
              '\\', '\\\\'), '%', '\\%'), '_', '\\_'), '*', '%')))
  )`
}

/** What the options' rules are checked against; none given means the rules are not checked. */
function ruleContext(input: ShippingOptionContext): Record<string, unknown> | undefined {
  if (input.is_return === undefined && input.enabled_in_store === undefined && input.context === undefined) return undefined
  const context: Record<string, unknown> = { ...input.context }
  if (input.is_return !== undefined) context.is_return = String(input.is_return)
  if (input.enabled_in_store !== undefined) context.enabled_in_store = String(input.enabled_in_store)
  return context
}

function inList(column: string, values: unknown[], params: unknown[]): string {
  if (values.length === 0) return "false"
  params.push(...values)
  return `${column} in (${values.map(() => "?").join(", ")})`
}
