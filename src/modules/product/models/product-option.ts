import { model } from "../../../framework/modules/index.ts"
import type { AnyModel, InferEntity } from "../../../framework/modules/index.ts"
import { Product } from "./product.ts"
import { ProductOptionValue } from "./product-option-value.ts"

/** A way a product varies ("Size"), with the values its variants choose from. */
export const ProductOption = model
  .define("product_option", {
    id: model.id({ prefix: "opt" }).primaryKey(),
    title: model.text(),
    metadata: model.json().nullable(),
    // Models that point at each other: the thunk names its return type to break the type cycle.
    product: model.belongsTo((): AnyModel => Product, { mappedBy: "options" }),
    values: model.hasMany<InferEntity<typeof ProductOptionValue>>(() => ProductOptionValue, { mappedBy: "option" }),
  })
  .indexes([{ on: ["product_id", "title"], unique: true }])
