import { model } from "../../../framework/modules/index.ts"
import type { AnyModel } from "../../../framework/modules/index.ts"
import { Price } from "./price.ts"

/**
 * A condition on the pricing context that a price applies under (`region_id` = "reg_…"). A price
 * applies when every one of its rules matches; the price matching the most rules wins.
 */
export const PriceRule = model
  .define("price_rule", {
    id: model.id({ prefix: "prule" }).primaryKey(),
    attribute: model.text(),
    value: model.text(),
    price: model.belongsTo((): AnyModel => Price, { mappedBy: "price_rules" }),
  })
  .indexes([
    { on: ["price_id", "attribute"], unique: true },
    { on: ["attribute", "value"] },
  ])
