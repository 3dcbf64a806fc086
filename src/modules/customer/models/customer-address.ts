import { model } from "../../../framework/modules/index.ts"
import { Customer } from "./customer.ts"

export type CustomerAddressDTO = {
  id: string
  customer_id: string
  address_name: string | null
  is_default_shipping: boolean
  is_default_billing: boolean
  company: string | null
  first_name: string | null
  last_name: string | null
  address_1: string | null
  address_2: string | null
  city: string | null
  country_code: string | null
  province: string | null
  postal_code: string | null
  phone: string | null
  metadata: Record<string, unknown> | null
  created_at: Date
  updated_at: Date
  deleted_at: Date | null
}

/** A saved address; at most one per customer is the default shipping one, and one the default billing. */
export const CustomerAddress = model.define("customer_address", {
  id: model.id({ prefix: "cuaddr" }).primaryKey(),
  address_name: model.text().nullable().searchable(),
  is_default_shipping: model.boolean().default(false),
  is_default_billing: model.boolean().default(false),
  company: model.text().nullable().searchable(),
  first_name: model.text().nullable().searchable(),
  last_name: model.text().nullable().searchable(),
  address_1: model.text().nullable().searchable(),
  address_2: model.text().nullable(),
  city: model.text().nullable().searchable(),
  country_code: model.text().nullable(),
  province: model.text().nullable(),
  postal_code: model.text().nullable().searchable(),
  phone: model.text().nullable(),
  metadata: model.json().nullable(),
  customer: model.belongsTo(() => Customer, { mappedBy: "addresses" }),
})
