import { AgoraError } from "../../framework/errors/index.ts"
import { generateId } from "../../framework/modules/index.ts"
import type { InferCreateInput } from "../../framework/modules/index.ts"
import { isValidHandle, toHandle } from "./handle.ts"
import { PRODUCT_STATUSES } from "./models/product.ts"
import type { Product } from "./models/product.ts"
import type { CreateProductInput, CreateProductOptionInput, CreateProductVariantInput } from "./types.ts"
import { assertDistinctCombinations, resolveVariantOptions } from "./variant-options.ts"

/** A product ready to write: its row with options and values inline, and its variants with their value ids. */
export type PreparedProduct = {
  row: InferCreateInput<typeof Product>
  variants: { input: CreateProductVariantInput; valueIds: string[] }[]
}

/**
 * Checks a product to create and everything nested in it, before anything is written. Option and
 * value ids are chosen here so that variants can refer to the values they pick.
 */
export function prepareProduct(input: CreateProductInput): PreparedProduct {
  const { options: optionInputs = [], variants: variantInputs = [], ...columns } = input
  checkProductColumns(columns, { creating: true })
  const title = columns.title
  const handle = columns.handle ?? toHandle(title)
  if (handle === "") {
    throw invalid(`Product "${title}": a handle cannot be derived from the title, give one (lowercase letters, digits and hyphens)`)
  }

  const options = optionInputs.map((option) => prepareOption(title, option))
  checkUnique(options.map((option) => option.title), (duplicate) => `Product "${title}": option "${duplicate}" is given twice`)

  const variants = variantInputs.map((variant, index) => {
    if (typeof variant.title !== "string" || variant.title.trim() === "") {
      throw invalid(`Product "${title}": variant ${index + 1} needs a title`)
    }
    const values = resolveVariantOptions(variant.title, variant.options, options)
    return { input: variant, valueIds: values.map((value) => value.id) }
  })
  assertDistinctCombinations(variants.map(({ input: v, valueIds }) => ({ title: v.title, productId: "", valueIds })))

  return { row: { ...columns, handle, options }, variants }
}

function prepareOption(productTitle: string, option: CreateProductOptionInput) {
  if (typeof option.title !== "string" || option.title.trim() === "") {
    throw invalid(`Product "${productTitle}": every option needs a title`)
  }
  if (!Array.isArray(option.values) || option.values.length === 0) {
    throw invalid(`Product "${productTitle}": option "${option.title}" needs at least one value in values`)
  }
  checkUnique(option.values, (duplicate) => `Product "${productTitle}": option "${option.title}" lists value "${duplicate}" twice`)
  return {
    id: generateId("opt"),
    title: option.title,
    metadata: option.metadata ?? null,
    values: option.values.map((value) => ({ id: generateId("optval"), value })),
  }
}

/** The product columns a create or update sets: a title, a URL-safe handle, a known status. */
export function checkProductColumns(
  columns: { title?: unknown; handle?: unknown; status?: unknown },
  { creating = false } = {},
): void {
  if ((creating || "title" in columns) && (typeof columns.title !== "string" || columns.title.trim() === "")) {
    throw invalid("Product: title is required")
  }
  if (columns.handle !== undefined && (typeof columns.handle !== "string" || !isValidHandle(columns.handle))) {
    throw invalid(
      `Product: handle "${String(columns.handle)}" is not valid; use lowercase letters, digits and single hyphens`,
    )
  }
  if (columns.status !== undefined && !(PRODUCT_STATUSES as readonly unknown[]).includes(columns.status)) {
    throw invalid(`Product: status must be one of ${PRODUCT_STATUSES.join(", ")}, got "${String(columns.status)}"`)
  }
}

function checkUnique(values: string[], message: (duplicate: string) => string): void {
  const seen = new Set<string>()
  for (const value of values) {
    if (seen.has(value)) throw invalid(message(value))
    seen.add(value)
  }
}

function invalid(message: string): AgoraError {
  return new AgoraError(AgoraError.Types.INVALID_DATA, message)
}
