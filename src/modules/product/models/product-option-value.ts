import { model } from "../../../framework/modules/index.ts"
import type { AnyModel } from "../../../framework/modules/index.ts"
import { ProductOption } from "./product-option.ts"
import { ProductVariant } from "./product-variant.ts"

/** One value of an option ("M" of "Size"); variants pick one value per option. */
export const ProductOptionValue = model
  .define("product_option_value", {
    id: model.id({ prefix: "optval" }).primaryKey(),
    value: model.text(),
    metadata: model.json().nullable(),
    option: model.belongsTo((): AnyModel => ProductOption, { mappedBy: "values" }),
    variants: model.manyToMany((): AnyModel => ProductVariant, { mappedBy: "options" }),
  })
  .indexes([{ on: ["option_id", "value"], unique: true }])
