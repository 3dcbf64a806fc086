import { model } from "../../../framework/modules/index.ts"
import type { AnyModel } from "../../../framework/modules/index.ts"
import { OrderFulfillment } from "./fulfillment.ts"
import { OrderLineItem } from "./line-item.ts"

export const OrderFulfillmentItem = model.define("order_fulfillment_item", {
  id: model.id({ prefix: "fulit" }).primaryKey(),
  fulfillment: model.belongsTo((): AnyModel => OrderFulfillment),
  line_item: model.belongsTo((): AnyModel => OrderLineItem),
  quantity: model.number(),
  title: model.text(),
  sku: model.text().nullable(),
})
