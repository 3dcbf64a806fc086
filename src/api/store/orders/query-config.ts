import type { QueryConfigOptions } from "../../../framework/http/index.ts"
import { DOCUMENT_TOTAL_FIELDS } from "../../utils/compose.ts"

/** Medusa's store order retrieve set (API.md §7 GET /store/orders/:id). */
export const storeRetrieveOrderFields = [
  "id",
  "status",
  "version",
  "summary",
  "currency_code",
  "display_id",
  "region_id",
  "email",
  ...DOCUMENT_TOTAL_FIELDS,
  "created_at",
  "updated_at",
  "*items",
  "*items.tax_lines",
  "*items.adjustments",
  "*items.detail",
  "*items.variant",
  "*items.variant.product",
  "*shipping_address",
  "*billing_address",
  "*shipping_methods",
  "*shipping_methods.tax_lines",
  "*shipping_methods.adjustments",
  "*payment_collections",
  "payment_status",
  "fulfillment_status",
]

export const storeListOrderFields = [
  "id",
  "status",
  "version",
  "summary",
  "display_id",
  "total",
  "currency_code",
  "metadata",
  "created_at",
  "updated_at",
  "payment_status",
  "fulfillment_status",
]

export const retrieveStoreOrderQueryConfig: QueryConfigOptions = { defaults: storeRetrieveOrderFields }

export const listStoreOrdersQueryConfig: QueryConfigOptions = {
  defaults: storeListOrderFields,
  isList: true,
  defaultLimit: 50,
  defaultOrder: "-created_at",
}
