import type { QueryConfigOptions } from "../../../framework/http/index.ts"

export const adminShippingOptionFields = [
  "id",
  "name",
  "price_type",
  "data",
  "provider_id",
  "shipping_profile_id",
  "service_zone_id",
  "metadata",
  "created_at",
  "updated_at",
  "*rules",
  "*type",
  "*prices",
  "*prices.price_rules",
  "*service_zone",
  "*shipping_profile",
  "*provider",
]

export const retrieveShippingOptionQueryConfig: QueryConfigOptions = { defaults: adminShippingOptionFields }

export const listShippingOptionsQueryConfig: QueryConfigOptions = {
  ...retrieveShippingOptionQueryConfig,
  isList: true,
  defaultLimit: 20,
  defaultOrder: "created_at",
}
