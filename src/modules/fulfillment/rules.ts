import type { RuleOperator, RuleValue } from "./models/shipping-option-rule.ts"

export type Rule = { attribute: string; operator: RuleOperator; value: RuleValue }

/**
 * Whether every rule holds in `context`, as Medusa evaluates them: attributes are dotted paths into
 * the context, values compare as strings, and an attribute the context lacks satisfies only `ne`/`nin`.
 */
export function rulesHold(rules: Rule[], context: Record<string, unknown>): boolean {
  return rules.every((rule) => holds(rule, valueAt(context, rule.attribute)))
}

function holds(rule: Rule, actual: string | undefined): boolean {
  const { operator, value } = rule
  const list = Array.isArray(value) ? value : [value]
  switch (operator) {
    case "eq":
      return actual === value
    case "ne":
      return actual !== value
    case "in":
      return actual !== undefined && list.includes(actual)
    case "nin":
      return actual === undefined || !list.includes(actual)
    default:
      return actual !== undefined && !Array.isArray(value) && compares(operator, actual, value)
  }
}

function compares(operator: "gt" | "gte" | "lt" | "lte", actual: string, expected: string): boolean {
  const [a, b] = bothNumbers(actual, expected) ?? bothDates(actual, expected) ?? [actual, expected]
  if (operator === "gt") return a > b
  if (operator === "gte") return a >= b
  if (operator === "lt") return a < b
  return a <= b
}

function bothNumbers(a: string, b: string): [number, number] | undefined {
  const x = Number(a)
  const y = Number(b)
  return a.trim() !== "" && b.trim() !== "" && Number.isFinite(x) && Number.isFinite(y) ? [x, y] : undefined
}

function bothDates(a: string, b: string): [number, number] | undefined {
  const x = Date.parse(a)
  const y = Date.parse(b)
  return Number.isNaN(x) || Number.isNaN(y) ? undefined : [x, y]
}

function valueAt(context: Record<string, unknown>, path: string): string | undefined {
  let current: unknown = context
  for (const key of path.split(".")) {
    if (typeof current !== "object" || current === null) return undefined
    current = (current as Record<string, unknown>)[key]
  }
  if (current === undefined || current === null) return undefined
  return typeof current === "object" ? JSON.stringify(current) : String(current)
}
