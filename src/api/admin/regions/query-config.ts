import type { QueryConfigOptions } from "../../../framework/http/index.ts"

export const adminRegionFields = [
  "id",
  "name",
  "currency_code",
  "created_at",
  "updated_at",
  "deleted_at",
  "automatic_taxes",
  "metadata",
  "*countries",
]

export const retrieveRegionQueryConfig: QueryConfigOptions = { defaults: adminRegionFields }

export const listRegionsQueryConfig: QueryConfigOptions = {
  ...retrieveRegionQueryConfig,
  isList: true,
  defaultLimit: 50,
  defaultOrder: "created_at",
}
