import { model } from "../../../framework/modules/index.ts"
import { Store } from "./store.ts"

export type StoreCurrencyDTO = {
  id: string
  currency_code: string
  is_default: boolean
  store_id: string
  created_at: Date
  updated_at: Date
  deleted_at: Date | null
}

/** A currency the store sells in; at most one per store is the default (the migration enforces it too). */
export const StoreCurrency = model
  .define("store_currency", {
    id: model.id({ prefix: "stocur" }).primaryKey(),
    currency_code: model.text().searchable(),
    is_default: model.boolean().default(false),
    store: model.belongsTo(() => Store, { mappedBy: "supported_currencies" }),
  })
  .indexes([{ on: ["store_id", "currency_code"], unique: true }])
