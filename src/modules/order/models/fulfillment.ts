import { model } from "../../../framework/modules/index.ts"
import type { AnyModel } from "../../../framework/modules/index.ts"
import { OrderFulfillmentItem } from "./fulfillment-item.ts"
import { Order } from "./order.ts"

/** A shipment of some of an order's lines from one stock location, and how far it went. */
export const OrderFulfillment = model.define("order_fulfillment", {
  id: model.id({ prefix: "ful" }).primaryKey(),
  order: model.belongsTo((): AnyModel => Order),
  location_id: model.text(),
  provider_id: model.text().nullable(),
  packed_at: model.dateTime().nullable(),
  shipped_at: model.dateTime().nullable(),
  delivered_at: model.dateTime().nullable(),
  canceled_at: model.dateTime().nullable(),
  data: model.json().nullable(),
  metadata: model.json().nullable(),
  items: model.hasMany((): AnyModel => OrderFulfillmentItem),
})
