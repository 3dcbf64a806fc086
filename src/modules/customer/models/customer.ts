import { model } from "../../../framework/modules/index.ts"
import type { AnyModel } from "../../../framework/modules/index.ts"
import { CustomerAddress } from "./customer-address.ts"
import type { CustomerAddressDTO } from "./customer-address.ts"

/**
 * A shopper. Guests (`has_account: false`) may share an email; one registered customer per email,
 * which the migration enforces with a partial unique index.
 */
export const Customer = model.define("customer", {
  id: model.id({ prefix: "cus" }).primaryKey(),
  email: model.text().nullable().searchable().index(),
  first_name: model.text().nullable().searchable(),
  last_name: model.text().nullable().searchable(),
  phone: model.text().nullable().searchable(),
  company_name: model.text().nullable().searchable(),
  has_account: model.boolean().default(false),
  created_by: model.text().nullable(),
  metadata: model.json().nullable(),
  // Two models that point at each other: one thunk names its return type to break the type cycle.
  addresses: model.hasMany<CustomerAddressDTO>((): AnyModel => CustomerAddress, { mappedBy: "customer" }),
})
