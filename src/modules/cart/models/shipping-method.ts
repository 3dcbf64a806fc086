import { model } from "../../../framework/modules/index.ts"
import type { AnyModel } from "../../../framework/modules/index.ts"
import { Cart } from "./cart.ts"

export const ShippingMethod = model.define("cart_shipping_method", {
  id: model.id({ prefix: "casm" }).primaryKey(),
  cart: model.belongsTo((): AnyModel => Cart),
  name: model.text(),
  amount: model.bigNumber(),
  is_tax_inclusive: model.boolean().default(false),
  shipping_option_id: model.text().nullable(),
  data: model.json().nullable(),
  metadata: model.json().nullable(),
})
