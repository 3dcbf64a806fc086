import { model } from "../../../framework/modules/index.ts"
import type { AnyModel } from "../../../framework/modules/index.ts"
import { Payment } from "./payment.ts"

export const Capture = model.define("capture", {
  id: model.id({ prefix: "capt" }).primaryKey(),
  amount: model.bigNumber(),
  created_by: model.text().nullable(),
  metadata: model.json().nullable(),
  payment: model.belongsTo((): AnyModel => Payment),
})
