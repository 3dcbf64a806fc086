import { model } from "../../../framework/modules/index.ts"
import type { InferEntity } from "../../../framework/modules/index.ts"
import { ProductOption } from "./product-option.ts"
import { ProductVariant } from "./product-variant.ts"

export const PRODUCT_STATUSES = ["draft", "proposed", "published", "rejected"] as const

export const Product = model.define("product", {
  id: model.id({ prefix: "prod" }).primaryKey(),
  title: model.text().searchable(),
  handle: model.text().unique(),
  subtitle: model.text().nullable().searchable(),
  description: model.text().nullable().searchable(),
  status: model.enum(PRODUCT_STATUSES).default("draft"),
  thumbnail: model.text().nullable(),
  is_giftcard: model.boolean().default(false),
  discountable: model.boolean().default(true),
  external_id: model.text().nullable(),
  weight: model.number().nullable(),
  length: model.number().nullable(),
  height: model.number().nullable(),
  width: model.number().nullable(),
  hs_code: model.text().nullable(),
  origin_country: model.text().nullable(),
  mid_code: model.text().nullable(),
  material: model.text().nullable(),
  metadata: model.json().nullable(),
  // Options come before variants: a variant refers to option values, so they are written first.
  options: model.hasMany<InferEntity<typeof ProductOption>>(() => ProductOption, { mappedBy: "product" }),
  variants: model.hasMany<InferEntity<typeof ProductVariant>>(() => ProductVariant, { mappedBy: "product" }),
})
