import { z } from "zod"
import { createFindParams, createSelectParams } from "../../../framework/http/index.ts"
import { booleanString, dateFilter, oneOrMany } from "../../utils/query-filters.ts"

export const AdminGetShippingOptionParams = createSelectParams().strict()
export type AdminGetShippingOptionParams = z.infer<typeof AdminGetShippingOptionParams>

export const AdminGetShippingOptionsParams = createFindParams({ limit: 20 })
  .extend({
    q: z.string().optional(),
    id: oneOrMany.optional(),
    service_zone_id: oneOrMany.optional(),
    shipping_profile_id: oneOrMany.optional(),
    provider_id: oneOrMany.optional(),
    shipping_option_type_id: oneOrMany.optional(),
    /** Options of the fulfillment sets of these stock locations. */
    stock_location_id: oneOrMany.optional(),
    /** Options whose `is_return` rule says so. */
    is_return: booleanString().optional(),
    /** Options not shown in the store (`enabled_in_store` rule "false"). */
    admin_only: booleanString().optional(),
    created_at: dateFilter().optional(),
    updated_at: dateFilter().optional(),
    deleted_at: dateFilter().optional(),
  })
  .strict()
export type AdminGetShippingOptionsParams = z.infer<typeof AdminGetShippingOptionsParams>

const metadata = z.record(z.string(), z.unknown()).nullish()
const amount = z.number().min(0)
const currencyCode = z.string().regex(/^[a-zA-Z]{3}$/, "must be a three-letter ISO 4217 code").transform((code) => code.toLowerCase())

const Type = z.object({ label: z.string().trim().min(1), description: z.string().nullish(), code: z.string().trim().min(1) }).strict()

const RuleOperator = z.enum(["eq", "ne", "in", "nin", "gt", "gte", "lt", "lte"])
const RuleValue = z.union([z.string(), z.array(z.string())])
const Rule = z.object({ attribute: z.string().trim().min(1), operator: RuleOperator, value: RuleValue }).strict()

/** A price in a currency, or in a region (then in the region's currency, and only there). */
const CreatePrice = z.union([
  z.object({ currency_code: currencyCode, amount }).strict(),
  z.object({ region_id: z.string().min(1), amount }).strict(),
])

export const AdminCreateShippingOption = z
  .object({
    name: z.string().trim().min(1),
    service_zone_id: z.string().min(1),
    shipping_profile_id: z.string().min(1),
    data: z.record(z.string(), z.unknown()).nullish(),
    price_type: z.enum(["flat", "calculated"]),
    provider_id: z.string().min(1),
    type: Type.optional(),
    type_id: z.string().min(1).optional(),
    prices: z.array(CreatePrice),
    rules: z.array(Rule).optional(),
    metadata,
  })
  .strict()
export type AdminCreateShippingOption = z.infer<typeof AdminCreateShippingOption>

/** With an `id`: changes that price; without: a new one. Prices left out are deleted. */
const UpdatePrice = z.union([
  z.object({ id: z.string().min(1).optional(), currency_code: currencyCode.optional(), amount: amount.optional() }).strict(),
  z.object({ id: z.string().min(1).optional(), region_id: z.string().min(1), amount: amount.optional() }).strict(),
])

/** With an `id`: changes that rule; without: a new one. Rules left out are deleted. */
const UpdateRule = z.union([
  z.object({ id: z.string().min(1), attribute: z.string().trim().min(1).optional(), operator: RuleOperator.optional(), value: RuleValue.optional() }).strict(),
  Rule,
])

export const AdminUpdateShippingOption = z
  .object({
    name: z.string().trim().min(1).optional(),
    data: z.record(z.string(), z.unknown()).nullish(),
    price_type: z.enum(["flat", "calculated"]).optional(),
    provider_id: z.string().min(1).optional(),
    shipping_profile_id: z.string().min(1).optional(),
    type: Type.optional(),
    type_id: z.string().min(1).optional(),
    prices: z.array(UpdatePrice).optional(),
    rules: z.array(UpdateRule).optional(),
    metadata,
  })
  .strict()
export type AdminUpdateShippingOption = z.infer<typeof AdminUpdateShippingOption>
