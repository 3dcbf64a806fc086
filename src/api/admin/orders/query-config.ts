import type { QueryConfigOptions } from "../../../framework/http/index.ts"
import { storeRetrieveOrderFields } from "../../store/orders/query-config.ts"

export const adminListOrderFields = [
  "id",
  "display_id",
  "status",
  "version",
  "summary",
  "metadata",
  "created_at",
  "updated_at",
  "payment_status",
  "fulfillment_status",
]

export const adminRetrieveOrderFields = [
  ...storeRetrieveOrderFields,
  "customer_id",
  "sales_channel_id",
  "canceled_at",
  "metadata",
  "*payment_collections.payments",
  "*payment_collections.payments.refunds",
  "*payment_collections.payments.captures",
  "*fulfillments",
  "*fulfillments.items",
  "*fulfillments.labels",
]

export const retrieveAdminOrderQueryConfig: QueryConfigOptions = { defaults: adminRetrieveOrderFields }

export const listAdminOrdersQueryConfig: QueryConfigOptions = {
  defaults: adminListOrderFields,
  isList: true,
  defaultLimit: 15,
  defaultOrder: "-created_at",
}
