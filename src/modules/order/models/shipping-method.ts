import { model } from "../../../framework/modules/index.ts"
import type { AnyModel } from "../../../framework/modules/index.ts"
import { Order } from "./order.ts"

export const OrderShippingMethod = model.define("order_shipping_method", {
  id: model.id({ prefix: "ordsm" }).primaryKey(),
  order: model.belongsTo((): AnyModel => Order),
  name: model.text(),
  amount: model.bigNumber(),
  is_tax_inclusive: model.boolean().default(false),
  shipping_option_id: model.text().nullable(),
  data: model.json().nullable(),
  metadata: model.json().nullable(),
})
