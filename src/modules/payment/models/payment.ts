import { model } from "../../../framework/modules/index.ts"
import type { AnyModel, InferEntity } from "../../../framework/modules/index.ts"
import { Capture } from "./capture.ts"
import { PaymentCollection } from "./payment-collection.ts"
import { PaymentSession } from "./payment-session.ts"
import { Refund } from "./refund.ts"

/** An authorized payment: made from a session by the provider, then captured, refunded or canceled. */
export const Payment = model.define("payment", {
  id: model.id({ prefix: "pay" }).primaryKey(),
  amount: model.bigNumber(),
  currency_code: model.text(),
  provider_id: model.text(),
  data: model.json().nullable(),
  captured_at: model.dateTime().nullable(),
  canceled_at: model.dateTime().nullable(),
  metadata: model.json().nullable(),
  payment_collection: model.belongsTo((): AnyModel => PaymentCollection),
  payment_session: model.belongsTo((): AnyModel => PaymentSession),
  captures: model.hasMany<InferEntity<typeof Capture>>(() => Capture),
  refunds: model.hasMany<InferEntity<typeof Refund>>(() => Refund),
})
