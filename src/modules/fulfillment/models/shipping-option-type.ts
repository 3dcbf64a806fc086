import { model } from "../../../framework/modules/index.ts"

/** How a shipping option is shown to customers (`{ label: "Express", code: "express" }`). */
export const ShippingOptionType = model.define("shipping_option_type", {
  id: model.id({ prefix: "sotype" }).primaryKey(),
  label: model.text(),
  description: model.text().nullable(),
  code: model.text(),
})
