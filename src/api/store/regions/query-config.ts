import type { QueryConfigOptions } from "../../../framework/http/index.ts"

export const storeRegionFields = ["id", "name", "currency_code", "created_at", "updated_at", "deleted_at", "metadata", "*countries"]

export const retrieveStoreRegionQueryConfig: QueryConfigOptions = { defaults: storeRegionFields }

export const listStoreRegionsQueryConfig: QueryConfigOptions = {
  ...retrieveStoreRegionQueryConfig,
  isList: true,
  defaultLimit: 50,
  defaultOrder: "created_at",
}
