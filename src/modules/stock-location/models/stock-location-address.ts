import { model } from "../../../framework/modules/index.ts"

/** Where a stock location is; `country_code` is lowercase ISO 3166-1 alpha-2. */
export const StockLocationAddress = model.define("stock_location_address", {
  id: model.id({ prefix: "laddr" }).primaryKey(),
  address_1: model.text(),
  address_2: model.text().nullable(),
  company: model.text().nullable(),
  city: model.text().nullable(),
  country_code: model.text(),
  phone: model.text().nullable(),
  postal_code: model.text().nullable(),
  province: model.text().nullable(),
  metadata: model.json().nullable(),
})
