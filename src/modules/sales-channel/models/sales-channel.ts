import { model } from "../../../framework/modules/index.ts"

/** Where products are sold (web shop, app, marketplace); publishable keys and stock locations point at it. */
export const SalesChannel = model.define("sales_channel", {
  id: model.id({ prefix: "sc" }).primaryKey(),
  name: model.text().searchable(),
  description: model.text().nullable().searchable(),
  is_disabled: model.boolean().default(false),
  metadata: model.json().nullable(),
})
