import { model } from "../../../framework/modules/index.ts"
import type { AnyModel } from "../../../framework/modules/index.ts"
import { Payment } from "./payment.ts"

export const Refund = model.define("refund", {
  id: model.id({ prefix: "ref" }).primaryKey(),
  amount: model.bigNumber(),
  note: model.text().nullable(),
  created_by: model.text().nullable(),
  metadata: model.json().nullable(),
  payment: model.belongsTo((): AnyModel => Payment),
})
