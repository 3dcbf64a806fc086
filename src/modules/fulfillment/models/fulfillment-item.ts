import { model } from "../../../framework/modules/index.ts"
import type { AnyModel } from "../../../framework/modules/index.ts"
import { Fulfillment } from "./fulfillment.ts"

export const FulfillmentItem = model.define("fulfillment_item", {
  id: model.id({ prefix: "fulit" }).primaryKey(),
  title: model.text(),
  sku: model.text().nullable(),
  barcode: model.text().nullable(),
  quantity: model.number(),
  line_item_id: model.text().nullable().index(),
  inventory_item_id: model.text().nullable(),
  fulfillment: model.belongsTo((): AnyModel => Fulfillment),
})
