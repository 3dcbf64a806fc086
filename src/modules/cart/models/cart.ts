import { model } from "../../../framework/modules/index.ts"
import type { AnyModel, InferEntity } from "../../../framework/modules/index.ts"
import { Address } from "./address.ts"
import { LineItem } from "./line-item.ts"
import { ShippingMethod } from "./shipping-method.ts"

type AddressRow = InferEntity<typeof Address>

export const Cart = model.define("cart", {
  id: model.id({ prefix: "cart" }).primaryKey(),
  region_id: model.text().nullable().index(),
  customer_id: model.text().nullable().index(),
  sales_channel_id: model.text().nullable().index(),
  email: model.text().nullable(),
  currency_code: model.text(),
  completed_at: model.dateTime().nullable(),
  metadata: model.json().nullable(),
  shipping_address: model.belongsTo<AddressRow>(() => Address).nullable(),
  billing_address: model.belongsTo<AddressRow>(() => Address).nullable(),
  items: model.hasMany((): AnyModel => LineItem),
  shipping_methods: model.hasMany((): AnyModel => ShippingMethod),
})
