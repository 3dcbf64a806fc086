import type { QueryConfigOptions } from "../../../framework/http/index.ts"

export const storeCustomerFields = [
  "id",
  "email",
  "company_name",
  "first_name",
  "last_name",
  "phone",
  "metadata",
  "has_account",
  "deleted_at",
  "created_at",
  "updated_at",
  "*addresses",
]

export const retrieveStoreCustomerQueryConfig: QueryConfigOptions = {
  defaults: storeCustomerFields,
  allowed: [...storeCustomerFields, "addresses"],
}

export const storeCustomerAddressFields = [
  "id",
  "address_name",
  "is_default_shipping",
  "is_default_billing",
  "customer_id",
  "company",
  "first_name",
  "last_name",
  "address_1",
  "address_2",
  "city",
  "country_code",
  "province",
  "postal_code",
  "phone",
  "metadata",
  "created_at",
  "updated_at",
]

export const retrieveStoreCustomerAddressQueryConfig: QueryConfigOptions = { defaults: storeCustomerAddressFields }

export const listStoreCustomerAddressesQueryConfig: QueryConfigOptions = {
  ...retrieveStoreCustomerAddressQueryConfig,
  isList: true,
  defaultLimit: 50,
  defaultOrder: "created_at",
}
