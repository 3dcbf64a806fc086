import { model } from "../../../framework/modules/index.ts"
import type { AnyModel } from "../../../framework/modules/index.ts"
import { Cart } from "./cart.ts"

/** A cart line: a snapshot of the variant and product it was added from, and its price. */
export const LineItem = model.define("cart_line_item", {
  id: model.id({ prefix: "cali" }).primaryKey(),
  cart: model.belongsTo((): AnyModel => Cart),
  title: model.text(),
  subtitle: model.text().nullable(),
  thumbnail: model.text().nullable(),
  quantity: model.number(),
  variant_id: model.text().nullable().index(),
  product_id: model.text().nullable().index(),
  product_title: model.text().nullable(),
  product_description: model.text().nullable(),
  product_subtitle: model.text().nullable(),
  product_type: model.text().nullable(),
  product_collection: model.text().nullable(),
  product_handle: model.text().nullable(),
  variant_sku: model.text().nullable(),
  variant_barcode: model.text().nullable(),
  variant_title: model.text().nullable(),
  variant_option_values: model.json().nullable(),
  requires_shipping: model.boolean().default(true),
  is_discountable: model.boolean().default(true),
  is_tax_inclusive: model.boolean().default(false),
  unit_price: model.bigNumber(),
  compare_at_unit_price: model.bigNumber().nullable(),
  metadata: model.json().nullable(),
})
