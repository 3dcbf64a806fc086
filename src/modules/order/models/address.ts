import { model } from "../../../framework/modules/index.ts"

export const OrderAddress = model.define("order_address", {
  id: model.id({ prefix: "ordaddr" }).primaryKey(),
  first_name: model.text().nullable(),
  last_name: model.text().nullable(),
  company: model.text().nullable(),
  address_1: model.text().nullable(),
  address_2: model.text().nullable(),
  city: model.text().nullable(),
  postal_code: model.text().nullable(),
  country_code: model.text().nullable(),
  province: model.text().nullable(),
  phone: model.text().nullable(),
  metadata: model.json().nullable(),
})
