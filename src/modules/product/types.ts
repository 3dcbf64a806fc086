import type { Filters, InferCreateInput, InferEntity, InferUpdateInput } from "../../framework/modules/index.ts"
import type { PRODUCT_STATUSES, Product } from "./models/product.ts"
import type { ProductOption } from "./models/product-option.ts"
import type { ProductOptionValue } from "./models/product-option-value.ts"
import type { ProductVariant } from "./models/product-variant.ts"

export type ProductStatus = (typeof PRODUCT_STATUSES)[number]
export type ProductRow = InferEntity<typeof Product>
export type ProductOptionRow = InferEntity<typeof ProductOption>
export type ProductOptionValueRow = InferEntity<typeof ProductOptionValue>
export type ProductVariantRow = InferEntity<typeof ProductVariant>

/** `options` of a variant: each option title of its product mapped to the chosen value (`{ Size: "M" }`). */
export type VariantOptionChoice = Record<string, string>

type VariantColumns = Omit<InferCreateInput<typeof ProductVariant>, "options" | "product_id">

/** A variant created together with its product. */
export type CreateProductVariantInput = VariantColumns & { options?: VariantOptionChoice }

/** A variant added to an existing product. */
export type CreateVariantInput = CreateProductVariantInput & { product_id: string }

export type CreateProductOptionInput = { title: string; values: string[]; metadata?: Record<string, unknown> | null }

export type CreateProductInput = Omit<InferCreateInput<typeof Product>, "handle" | "options" | "variants"> & {
  /** Defaults to the title in kebab-case. */
  handle?: string
  options?: CreateProductOptionInput[]
  variants?: CreateProductVariantInput[]
}

export type UpdateProductInput = InferUpdateInput<typeof Product>
export type UpdateProductsBySelector = { selector: Filters<ProductRow>; data: Omit<UpdateProductInput, "id"> }

/** Scalar changes, and `options` to choose other values (one per option of the product, as on create). */
export type UpdateProductVariantInput = Omit<InferUpdateInput<typeof ProductVariant>, "options" | "product_id"> & {
  options?: VariantOptionChoice
}
export type UpdateProductVariantsBySelector = {
  selector: Filters<ProductVariantRow>
  data: Omit<UpdateProductVariantInput, "id">
}
