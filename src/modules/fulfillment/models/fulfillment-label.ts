import { model } from "../../../framework/modules/index.ts"
import type { AnyModel } from "../../../framework/modules/index.ts"
import { Fulfillment } from "./fulfillment.ts"

export const FulfillmentLabel = model.define("fulfillment_label", {
  id: model.id({ prefix: "fulla" }).primaryKey(),
  tracking_number: model.text(),
  tracking_url: model.text(),
  label_url: model.text(),
  fulfillment: model.belongsTo((): AnyModel => Fulfillment),
})
