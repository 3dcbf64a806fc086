import { model } from "../../../framework/modules/index.ts"

export const Brand = model.define("brand", {
  id: model.id({ prefix: "brand" }).primaryKey(),
  name: model.text().unique().searchable(),
  description: model.text().nullable(),
})
