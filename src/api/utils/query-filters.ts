import { z } from "zod"

/** A filter that takes one value or several (`id=a` or `id[0]=a&id[1]=b`). */
export const oneOrMany = z.union([z.string(), z.array(z.string())])

/** A boolean as a query string carries it: `"true"` / `"false"` (a JSON boolean is taken too). */
export const booleanString = () =>
  z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")])

/** A number as a query string carries it (`quantity[$gte]=2`). */
export const numberString = () => z.coerce.number()

/**
 * A value, or an operator map over it (`created_at[$gte]=2024-01-01`), as Query takes it. Unknown
 * operators are refused by name.
 */
export function createOperatorMap<T extends z.ZodType>(value: T) {
  const list = z.array(value)
  const operators = z
    .object({
      $eq: value.optional(),
      $ne: value.optional(),
      $in: list.optional(),
      $nin: list.optional(),
      $lt: value.optional(),
      $lte: value.optional(),
      $gt: value.optional(),
      $gte: value.optional(),
      $like: z.string().optional(),
      $ilike: z.string().optional(),
    })
    .strict()
  return z.union([value, list, operators])
}

/** A date filter: an ISO date, or an operator map of them. */
export const dateFilter = () => createOperatorMap(z.string())

/** A numeric filter: a number, or an operator map of them. */
export const numberFilter = () => createOperatorMap(numberString())
