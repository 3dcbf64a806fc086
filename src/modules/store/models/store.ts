import { model } from "../../../framework/modules/index.ts"
import type { AnyModel } from "../../../framework/modules/index.ts"
import { StoreCurrency } from "./store-currency.ts"
import type { StoreCurrencyDTO } from "./store-currency.ts"

/** The shop itself: its name, the currencies it sells in and its defaults (ids owned by other modules). */
export const Store = model.define("store", {
  id: model.id({ prefix: "store" }).primaryKey(),
  name: model.text().default("Agora Store").searchable(),
  default_sales_channel_id: model.text().nullable(),
  default_region_id: model.text().nullable(),
  default_location_id: model.text().nullable(),
  metadata: model.json().nullable(),
  // Two models that point at each other: one thunk names its return type to break the type cycle.
  supported_currencies: model.hasMany<StoreCurrencyDTO>((): AnyModel => StoreCurrency, { mappedBy: "store" }),
})
