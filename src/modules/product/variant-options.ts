import { AgoraError } from "../../framework/errors/index.ts"
import type { VariantOptionChoice } from "./types.ts"

type OptionValue = { id: string; value: string }

/**
 * The option values a variant's `{ [option title]: value }` picks. The choice must match the product's
 * options exactly: a value for every option, and only values that exist.
 */
export function resolveVariantOptions<Value extends OptionValue>(
  variantTitle: string,
  choice: VariantOptionChoice | undefined,
  options: { title: string; values?: Value[] }[],
): Value[] {
  const given = choice ?? {}
  for (const title of Object.keys(given)) {
    if (!options.some((option) => option.title === title)) {
      throw invalid(`Variant "${variantTitle}": the product has no option "${title}"`)
    }
  }
  return options.map((option) => {
    const value = given[option.title]
    if (value === undefined) throw invalid(`Variant "${variantTitle}" is missing a value for option "${option.title}"`)
    const match = option.values?.find((candidate) => candidate.value === value)
    if (!match) throw invalid(`Variant "${variantTitle}": option "${option.title}" has no value "${String(value)}"`)
    return match
  })
}

/** Each variant's set of chosen value ids; two variants of one product may not choose the same set. */
export type VariantCombination = { title: string; productId: string; valueIds: string[] }

export function assertDistinctCombinations(combinations: VariantCombination[]): void {
  const seen = new Map<string, string>()
  for (const { title, productId, valueIds } of combinations) {
    // A product without options has nothing to tell its variants apart by: they may share the empty set.
    if (valueIds.length === 0) continue
    const key = `${productId}:${[...valueIds].sort().join(",")}`
    const other = seen.get(key)
    if (other !== undefined) throw invalid(`Variant "${title}" has the same option values as variant "${other}"`)
    seen.set(key, title)
  }
}

function invalid(message: string): AgoraError {
  return new AgoraError(AgoraError.Types.INVALID_DATA, message)
}
