import type { QueryConfigOptions } from "../../../framework/http/index.ts"

export const storePaymentProviderFields = ["id", "is_enabled"]

export const listStorePaymentProvidersQueryConfig: QueryConfigOptions = {
  defaults: storePaymentProviderFields,
  allowed: storePaymentProviderFields,
  isList: true,
  defaultLimit: 20,
  defaultOrder: "id",
}
