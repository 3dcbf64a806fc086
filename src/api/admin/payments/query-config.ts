import type { QueryConfigOptions } from "../../../framework/http/index.ts"

export const adminPaymentFields = [
  "id",
  "currency_code",
  "amount",
  "captured_at",
  "canceled_at",
  "payment_collection_id",
  "payment_session_id",
  "provider_id",
  "created_at",
  "updated_at",
  "captures.id",
  "captures.amount",
  "captures.created_at",
  "refunds.id",
  "refunds.amount",
  "refunds.note",
  "refunds.payment_id",
  "refunds.created_at",
]

export const retrieveAdminPaymentQueryConfig: QueryConfigOptions = { defaults: adminPaymentFields }

export const listAdminPaymentsQueryConfig: QueryConfigOptions = {
  ...retrieveAdminPaymentQueryConfig,
  isList: true,
  defaultLimit: 20,
  defaultOrder: "-created_at",
}
