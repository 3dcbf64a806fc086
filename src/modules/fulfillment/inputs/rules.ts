import { RULE_OPERATORS } from "../models/shipping-option-rule.ts"
import type { RuleOperator, RuleValue } from "../models/shipping-option-rule.ts"
import { invalid, requireOneOf, requireText } from "./invalid.ts"

export type ShippingOptionRuleInput = { attribute: string; operator: RuleOperator; value: RuleValue | boolean | number }

type CheckedRule = { attribute: string; operator: RuleOperator; value: RuleValue }

/** Checks a rule and stores its value as Medusa does: a string, or a list of strings for `in`/`nin`. */
export function checkRule<Input extends Partial<ShippingOptionRuleInput>>(input: Input, field = "rule"): Input & CheckedRule {
  const attribute = requireText(input.attribute, `${field}.attribute`)
  const operator = requireOneOf(input.operator, RULE_OPERATORS, `${field}.operator`)
  const value = input.value
  if (operator === "in" || operator === "nin") {
    if (!Array.isArray(value) || value.some((item) => !isScalar(item))) {
      throw invalid(`${field}.value`, `must be a list of strings for operator ${operator}`)
    }
    return { ...input, attribute, operator, value: value.map(String) }
  }
  if (!isScalar(value)) throw invalid(`${field}.value`, `must be a string for operator ${operator}`)
  return { ...input, attribute, operator, value: String(value) }
}

export function checkRules<Input extends Partial<ShippingOptionRuleInput>>(inputs: Input[] | undefined, field: string) {
  if (inputs === undefined) return undefined
  if (!Array.isArray(inputs)) throw invalid(field, "must be a list")
  return inputs.map((input, i) => checkRule(input, `${field}[${i}]`))
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
}
