import type { QueryConfigOptions } from "../../../framework/http/index.ts"

export const storePaymentCollectionFields = [
  "id",
  "currency_code",
  "amount",
  "authorized_amount",
  "captured_amount",
  "refunded_amount",
  "status",
  "created_at",
  "updated_at",
  "*payment_sessions",
]

export const retrieveStorePaymentCollectionQueryConfig: QueryConfigOptions = { defaults: storePaymentCollectionFields }
