import { model } from "../../../framework/modules/index.ts"
import type { InferEntity } from "../../../framework/modules/index.ts"
import { Payment } from "./payment.ts"
import { PaymentSession } from "./payment-session.ts"

export const PAYMENT_COLLECTION_STATUSES = [
  "not_paid",
  "awaiting",
  "authorized",
  "partially_authorized",
  "canceled",
  "completed",
  "failed",
] as const

export type PaymentCollectionStatus = (typeof PAYMENT_COLLECTION_STATUSES)[number]

export const PaymentCollection = model.define("payment_collection", {
  id: model.id({ prefix: "pay_col" }).primaryKey(),
  currency_code: model.text(),
  amount: model.bigNumber(),
  // Kept up to date by the service from the sessions, captures and refunds below.
  authorized_amount: model.bigNumber().default("0"),
  captured_amount: model.bigNumber().default("0"),
  refunded_amount: model.bigNumber().default("0"),
  status: model.enum(PAYMENT_COLLECTION_STATUSES).default("not_paid"),
  completed_at: model.dateTime().nullable(),
  metadata: model.json().nullable(),
  payment_sessions: model.hasMany<InferEntity<typeof PaymentSession>>(() => PaymentSession),
  payments: model.hasMany<InferEntity<typeof Payment>>(() => Payment),
})
