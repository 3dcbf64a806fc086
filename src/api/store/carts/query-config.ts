import type { QueryConfigOptions } from "../../../framework/http/index.ts"
import { DOCUMENT_TOTAL_FIELDS } from "../../utils/compose.ts"
import { storeRetrieveOrderFields } from "../orders/query-config.ts"

/** The store's default cart fields (Medusa's store carts query-config, API.md §6 "Cart"). */
export const storeCartFields = [
  "id",
  "currency_code",
  "email",
  "region_id",
  "customer_id",
  "sales_channel_id",
  "completed_at",
  "metadata",
  "created_at",
  "updated_at",
  ...DOCUMENT_TOTAL_FIELDS,
  "promotions.id",
  "promotions.code",
  "promotions.is_automatic",
  "*items",
  "*items.product",
  "*items.variant",
  "items.tax_lines.id",
  "items.adjustments.id",
  "*shipping_methods",
  "shipping_methods.tax_lines.id",
  "shipping_methods.adjustments.id",
  "*shipping_address",
  "*billing_address",
  "region.id",
  "region.name",
  "region.currency_code",
  "region.automatic_taxes",
  "*region.countries",
  "customer.id",
  "customer.email",
  "payment_collection.id",
  "payment_collection.amount",
  "payment_collection.currency_code",
  "payment_collection.status",
  "*payment_collection.payment_sessions",
]

export const retrieveStoreCartQueryConfig: QueryConfigOptions = { defaults: storeCartFields }

/** The order a completion answers with. */
export const completeStoreCartQueryConfig: QueryConfigOptions = { defaults: storeRetrieveOrderFields }
