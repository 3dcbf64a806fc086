import type { QueryConfigOptions } from "../../../framework/http/index.ts"

export const adminFulfillmentProviderFields = ["id", "is_enabled"]

export const listFulfillmentProvidersQueryConfig: QueryConfigOptions = {
  defaults: adminFulfillmentProviderFields,
  isList: true,
  defaultLimit: 20,
  defaultOrder: "id",
}
