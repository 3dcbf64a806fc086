import type { z } from "zod"

/** One readable sentence per problem, naming the field: `Invalid request: Field 'title' is required`. */
export function formatZodError(error: z.ZodError): string {
  const parts = error.issues.map(describeIssue)
  return `Invalid request: ${[...new Set(parts)].join("; ")}`
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.map(String).join(".")
  switch (issue.code) {
    case "invalid_type": {
      // Without `reportInput` zod leaves the input out, and a wrong type would read as a missing field.
      if (!("input" in issue)) return field ? `${issue.message} for field '${field}'` : issue.message
      const received = "received" in issue && typeof issue.received === "string" ? issue.received : receivedType(issue.input)
      if (received === "undefined") return `Field '${field}' is required`
      const where = field ? ` for field '${field}'` : ""
      return `Expected type: '${issue.expected}'${where}, got: '${received}'`
    }
    case "unrecognized_keys": {
      const prefix = field ? `${field}.` : ""
      return `Unrecognized fields: ${issue.keys.map((key) => `'${prefix}${key}'`).join(", ")}`
    }
    case "invalid_union": {
      // When one alternative has the value's type (the others refuse the value itself), its problems are the ones to tell.
      const matched = issue.errors.filter((branch) => !branch.some((inner) => inner.code === "invalid_type" && inner.path.length === 0))
      if (matched.length !== 1) return field ? `${issue.message} for field '${field}'` : issue.message
      return matched[0]!.map((inner) => describeIssue({ ...inner, path: [...issue.path, ...inner.path] })).join("; ")
    }
    default:
      return field ? `${issue.message} for field '${field}'` : issue.message
  }
}

function receivedType(input: unknown): string {
  if (input === null) return "null"
  if (Array.isArray(input)) return "array"
  return typeof input
}
