import type { QueryConfigOptions } from "../../../framework/http/index.ts"

export const adminStoreFields = [
  "id",
  "name",
  "*supported_currencies",
  "default_sales_channel_id",
  "default_region_id",
  "default_location_id",
  "metadata",
  "created_at",
  "updated_at",
]

export const retrieveStoreQueryConfig: QueryConfigOptions = { defaults: adminStoreFields }

export const listStoresQueryConfig: QueryConfigOptions = {
  ...retrieveStoreQueryConfig,
  isList: true,
  defaultLimit: 50,
  defaultOrder: "created_at",
}
