import { model } from "../../../framework/modules/index.ts"

export const User = model.define("user", {
  id: model.id({ prefix: "user" }).primaryKey(),
  email: model.text().unique().searchable(),
  first_name: model.text().nullable().searchable(),
  last_name: model.text().nullable().searchable(),
  avatar_url: model.text().nullable(),
  metadata: model.json().nullable(),
})
