import { model } from "../../../framework/modules/index.ts"
import type { AnyModel } from "../../../framework/modules/index.ts"
import { PaymentCollection } from "./payment-collection.ts"

export const PAYMENT_SESSION_STATUSES = [
  "pending",
  "requires_more",
  "authorized",
  "captured",
  "error",
  "canceled",
  "pending_authorization",
] as const

export type PaymentSessionStatus = (typeof PAYMENT_SESSION_STATUSES)[number]

/**
 * The table also has `authorizing_until`, a claim on the session's authorization while its provider
 * answers; only the authorization's own statements (session-statements.ts) read and write it, so it
 * is no field of the model, nor of the API.
 */
export const PaymentSession = model.define("payment_session", {
  id: model.id({ prefix: "payses" }).primaryKey(),
  currency_code: model.text(),
  amount: model.bigNumber(),
  provider_id: model.text(),
  /** What the provider keeps about the session (its own ids, client secrets ...). */
  data: model.json().default({}),
  context: model.json().nullable(),
  status: model.enum(PAYMENT_SESSION_STATUSES).default("pending"),
  authorized_at: model.dateTime().nullable(),
  metadata: model.json().nullable(),
  payment_collection: model.belongsTo((): AnyModel => PaymentCollection),
})
