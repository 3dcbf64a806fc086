import { model } from "../../../framework/modules/index.ts"
import type { AnyModel, InferEntity } from "../../../framework/modules/index.ts"
import { Product } from "./product.ts"
import { ProductOptionValue } from "./product-option-value.ts"

export const ProductVariant = model.define("product_variant", {
  id: model.id({ prefix: "variant" }).primaryKey(),
  title: model.text().searchable(),
  sku: model.text().nullable().unique().searchable(),
  barcode: model.text().nullable().unique(),
  ean: model.text().nullable().unique(),
  upc: model.text().nullable().unique(),
  allow_backorder: model.boolean().default(false),
  manage_inventory: model.boolean().default(true),
  variant_rank: model.number().default(0),
  weight: model.number().nullable(),
  length: model.number().nullable(),
  height: model.number().nullable(),
  width: model.number().nullable(),
  hs_code: model.text().nullable(),
  origin_country: model.text().nullable(),
  mid_code: model.text().nullable(),
  material: model.text().nullable(),
  metadata: model.json().nullable(),
  product: model.belongsTo((): AnyModel => Product, { mappedBy: "variants" }),
  /** The option values the variant chose, one per option of its product. */
  options: model.manyToMany<InferEntity<typeof ProductOptionValue>>(() => ProductOptionValue, {
    mappedBy: "variants",
    pivotTable: "product_variant_option",
  }),
})
