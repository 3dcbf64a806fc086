import type { QueryConfigOptions } from "../../../framework/http/index.ts"

/** What a storefront shows of an option (API.md §7 checkout helpers). */
export const storeShippingOptionFields = [
  "id",
  "name",
  "price_type",
  "service_zone_id",
  "shipping_profile_id",
  "provider_id",
  "data",
  "metadata",
  "type.id",
  "type.label",
  "type.description",
  "type.code",
  "amount",
  "is_tax_inclusive",
  "calculated_price.*",
]

export const listStoreShippingOptionsQueryConfig: QueryConfigOptions = { defaults: storeShippingOptionFields }
