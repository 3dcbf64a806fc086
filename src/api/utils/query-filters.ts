import { z } from "zod"

/** A filter that takes one value or several (`id=a` or `id[0]=a&id[1]=b`). */
export const oneOrMany = z.union([z.string(), z.array(z.string())])

/** A boolean as a query string carries it: `"true"` / `"false"` (a JSON boolean is taken too). */
export const booleanString = () =>
  z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")])

/** A number as a query string carries it (`quantity[$gte]=2`); `abc` is refused, not read as NaN. */
export const numberString = () => z.coerce.number<string>().refine(Number.isFinite, { message: "Expected a number" })

/** A date as a query string carries it (ISO-8601); anything else is refused before it reaches the SQL. */
export const dateString = () =>
  z
    .string()
    .refine((value) => !Number.isNaN(Date.parse(value)), { message: "Expected a date" })
    .transform((value) => new Date(value))

/**
 * A value, or an operator map over it (`created_at[$gte]=2024-01-01`), as Query takes it. Unknown
 * operators are refused by name; `$like`/`$ilike` only where the value is text (`{ text: true }`).
 */
export function createOperatorMap<T extends z.ZodType>(value: T, options: { text?: boolean } = {}) {
  const list = z.array(value)
  const comparisons = {
    $eq: value.optional(),
    $ne: value.optional(),
    $in: list.optional(),
    $nin: list.optional(),
    $lt: value.optional(),
    $lte: value.optional(),
    $gt: value.optional(),
    $gte: value.optional(),
  }
  const operators = options.text
    ? z.object({ ...comparisons, $like: z.string().optional(), $ilike: z.string().optional() }).strict()
    : z.object(comparisons).strict()
  return z.union([value, list, operators])
}

/** A date filter: an ISO date, or an operator map of them. */
export const dateFilter = () => createOperatorMap(dateString())

/** A numeric filter: a number, or an operator map of them. */
export const numberFilter = () => createOperatorMap(numberString())

/** A text filter: a string, several, or an operator map of them (with `$like`/`$ilike`). */
export const textFilter = () => createOperatorMap(z.string(), { text: true })
