import { model } from "../../../framework/modules/index.ts"

/** A kind of goods shipped the same way (`default`, `gift_card` ...); products point at one through a link. */
export const ShippingProfile = model.define("shipping_profile", {
  id: model.id({ prefix: "sp" }).primaryKey(),
  name: model.text().unique().searchable(),
  type: model.text(),
  metadata: model.json().nullable(),
})
