import type { QueryConfigOptions } from "../../../framework/http/index.ts"

export const adminSalesChannelFields = ["id", "name", "description", "is_disabled", "metadata", "created_at", "updated_at", "deleted_at"]

export const retrieveSalesChannelQueryConfig: QueryConfigOptions = { defaults: adminSalesChannelFields }

export const listSalesChannelsQueryConfig: QueryConfigOptions = {
  ...retrieveSalesChannelQueryConfig,
  isList: true,
  defaultLimit: 20,
  defaultOrder: "created_at",
}
