import { model } from "../../../framework/modules/index.ts"
import type { AnyModel, InferEntity } from "../../../framework/modules/index.ts"
import { OrderAddress } from "./address.ts"
import { OrderFulfillment } from "./fulfillment.ts"
import { OrderLineItem } from "./line-item.ts"
import { OrderShippingMethod } from "./shipping-method.ts"

type AddressRow = InferEntity<typeof OrderAddress>

export const ORDER_STATUSES = ["pending", "completed", "draft", "archived", "canceled", "requires_action"] as const

export const Order = model.define("order", {
  id: model.id({ prefix: "order" }).primaryKey(),
  // The column's default, nextval('order_display_id_seq') (1, 2, ...): the service's insert leaves it to it.
  display_id: model.number().unique(),
  status: model.enum(ORDER_STATUSES).default("pending"),
  version: model.number().default(1),
  email: model.text().nullable().searchable(),
  currency_code: model.text(),
  region_id: model.text().nullable().index(),
  customer_id: model.text().nullable().index(),
  sales_channel_id: model.text().nullable().index(),
  canceled_at: model.dateTime().nullable(),
  metadata: model.json().nullable(),
  shipping_address: model.belongsTo<AddressRow>(() => OrderAddress).nullable(),
  billing_address: model.belongsTo<AddressRow>(() => OrderAddress).nullable(),
  items: model.hasMany((): AnyModel => OrderLineItem),
  shipping_methods: model.hasMany((): AnyModel => OrderShippingMethod),
  fulfillments: model.hasMany((): AnyModel => OrderFulfillment),
})
