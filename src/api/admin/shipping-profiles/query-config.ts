import type { QueryConfigOptions } from "../../../framework/http/index.ts"

export const adminShippingProfileFields = ["id", "name", "type", "metadata", "created_at", "updated_at", "deleted_at"]

export const retrieveShippingProfileQueryConfig: QueryConfigOptions = { defaults: adminShippingProfileFields }

export const listShippingProfilesQueryConfig: QueryConfigOptions = {
  ...retrieveShippingProfileQueryConfig,
  isList: true,
  defaultLimit: 20,
  defaultOrder: "created_at",
}
