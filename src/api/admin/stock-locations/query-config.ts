import type { QueryConfigOptions } from "../../../framework/http/index.ts"

export const adminStockLocationFields = [
  "id",
  "name",
  "metadata",
  "created_at",
  "updated_at",
  "address.id",
  "address.address_1",
  "address.address_2",
  "address.city",
  "address.country_code",
  "address.phone",
  "address.province",
  "address.postal_code",
  "address.metadata",
]

export const retrieveStockLocationQueryConfig: QueryConfigOptions = { defaults: adminStockLocationFields }

export const listStockLocationsQueryConfig: QueryConfigOptions = {
  ...retrieveStockLocationQueryConfig,
  isList: true,
  defaultLimit: 20,
  defaultOrder: "created_at",
}
