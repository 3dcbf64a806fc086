import { model, Property } from "../../../framework/modules/index.ts"
import type { AnyModel } from "../../../framework/modules/index.ts"
import { ShippingOption } from "./shipping-option.ts"

export const RULE_OPERATORS = ["eq", "ne", "in", "nin", "gt", "gte", "lt", "lte"] as const
export type RuleOperator = (typeof RULE_OPERATORS)[number]

/** A string for `eq`, `ne`, `gt` ...; a list of strings for `in` and `nin`. */
export type RuleValue = string | string[]

// The DSL's json columns are typed as objects; a rule's value is a JSON string or list, as in Medusa.
const ruleValue = model.json() as unknown as Property<RuleValue>

/** A condition on the context an option is offered in, e.g. `enabled_in_store eq "true"`. */
export const ShippingOptionRule = model.define("shipping_option_rule", {
  id: model.id({ prefix: "sorul" }).primaryKey(),
  attribute: model.text(),
  operator: model.enum(RULE_OPERATORS),
  value: ruleValue,
  shipping_option: model.belongsTo((): AnyModel => ShippingOption),
})
